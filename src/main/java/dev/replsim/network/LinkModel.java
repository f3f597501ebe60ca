package dev.replsim.network;

import dev.replsim.random.DurationSampler;
import dev.replsim.random.SeededStreams;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One directed link between two nodes, as a pure model: given the instant a message is sent and
 * its size, it decides whether and when the message is delivered, as netem would.
 *
 * <ul>
 *   <li>Bandwidth: the link serializes one message at a time, taking size / bandwidth, so a burst
 *       queues behind itself and the queueing shows up as delay.
 *   <li>Delay: sampled per message from the link's delay distribution.
 *   <li>FIFO: unless the link reorders, a message is never delivered before an earlier one (with a
 *       variable delay, a message sampled shorter than its predecessor waits for it, as behind a
 *       slow TCP segment).
 *   <li>Loss and duplication: with their probabilities; a lost message still took its time on the
 *       wire. A partitioned link drops everything sent while it is cut.
 * </ul>
 *
 * <p>Delays, loss and duplication draw from three separate streams of the link, so turning on
 * loss does not change the delays sampled for the messages that get through. A delay is sampled
 * for every message, dropped or not, for the same reason.
 */
public final class LinkModel {

  private final String from;
  private final String to;
  private final UniformRandomProvider delayStream;
  private final UniformRandomProvider lossStream;
  private final UniformRandomProvider duplicateStream;
  private LinkProfile profile;
  private DurationSampler delay;
  private DurationSampler duplicateDelay;
  private long busyUntil = Long.MIN_VALUE;
  private long lastDeliveryAt = Long.MIN_VALUE;
  private int cuts;

  public LinkModel(String from, String to, LinkProfile profile, SeededStreams streams) {
    this(from, to, profile, streams, 1);
  }

  /**
   * The link as the sender's {@code incarnation} has it: each incarnation of a restarted node
   * draws afresh, so its links do not replay the delays its crashed incarnation drew.
   */
  public LinkModel(String from, String to, LinkProfile profile, SeededStreams streams, long incarnation) {
    this.from = from;
    this.to = to;
    String name = streamName(from, to) + (incarnation == 1 ? "" : ":" + incarnation);
    this.delayStream = streams.stream(name + ":delay");
    this.lossStream = streams.stream(name + ":loss");
    this.duplicateStream = streams.stream(name + ":duplicate");
    setProfile(profile);
  }

  public String from() {
    return from;
  }

  public String to() {
    return to;
  }

  public LinkProfile profile() {
    return profile;
  }

  /** Changes the link's settings from now on (a {@code link} fault or its undoing). */
  public void setProfile(LinkProfile profile) {
    if (this.profile == null || !profile.delay().equals(this.profile.delay())) {
      this.delay = profile.delay().sampler(delayStream);
      this.duplicateDelay = profile.delay().sampler(duplicateStream);
    }
    this.profile = profile;
  }

  /** A partition starts cutting this link; partitions may overlap, so cuts are counted. */
  public void cut() {
    cuts++;
  }

  /** A partition that cut this link heals. */
  public void restore() {
    cuts = Math.max(0, cuts - 1);
  }

  public boolean isCut() {
    return cuts > 0;
  }

  /** Decides the fate of a message of {@code sizeBytes} sent at {@code nowMicros}. */
  public Transmission transmit(long nowMicros, int sizeBytes) {
    long sampled = delay.nextMicros();
    if (isCut()) {
      return new Transmission(Transmission.Fate.PARTITIONED, nowMicros + sampled, -1);
    }
    long sentAt = serialize(nowMicros, sizeBytes);
    if (profile.loss() > 0 && lossStream.nextDouble() < profile.loss()) {
      return new Transmission(Transmission.Fate.LOST, sentAt + sampled, -1); // not in the FIFO: never arrives
    }
    long deliverAt = inOrder(sentAt + sampled);
    long duplicateAt = -1;
    if (profile.duplicate() > 0 && duplicateStream.nextDouble() < profile.duplicate()) {
      duplicateAt = inOrder(sentAt + duplicateDelay.nextMicros());
    }
    return new Transmission(Transmission.Fate.DELIVERED, deliverAt, duplicateAt);
  }

  /** When the last byte of the message is on the wire: after the link finished the ones before it. */
  private long serialize(long nowMicros, int sizeBytes) {
    if (profile.unlimitedBandwidth()) {
      return nowMicros;
    }
    long start = Math.max(nowMicros, busyUntil);
    long micros = (sizeBytes * 1_000_000L + profile.bandwidthBytesPerSec() - 1) / profile.bandwidthBytesPerSec();
    busyUntil = start + micros;
    return busyUntil;
  }

  private long inOrder(long at) {
    if (profile.reorder()) {
      return at;
    }
    long fifo = Math.max(at, lastDeliveryAt);
    lastDeliveryAt = fifo;
    return fifo;
  }

  /** The stream name of the link {@code from -> to}, for {@code SeededStreams}. */
  public static String streamName(String from, String to) {
    return "link:" + from + "->" + to;
  }
}
