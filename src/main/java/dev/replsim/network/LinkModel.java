package dev.replsim.network;

import dev.replsim.random.Distribution;
import dev.replsim.random.DurationSampler;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One directed link between two nodes, as a pure model: given the instant a message is sent, it
 * decides the instant it is delivered. The delay is sampled from the link's own seeded stream;
 * the link is FIFO like TCP, so a message never overtakes an earlier one (with a variable delay,
 * a message sampled shorter than its predecessor waits for it, as behind a slow TCP segment).
 */
public final class LinkModel {

  private final String from;
  private final String to;
  private final Distribution delay;
  private final DurationSampler sampler;
  private long lastDeliveryAt = Long.MIN_VALUE;

  public LinkModel(String from, String to, Distribution delay, UniformRandomProvider stream) {
    this.from = from;
    this.to = to;
    this.delay = delay;
    this.sampler = delay.sampler(stream);
  }

  public String from() {
    return from;
  }

  public String to() {
    return to;
  }

  public Distribution delay() {
    return delay;
  }

  /**
   * The delivery instant of a message sent at {@code nowMicros}.
   *
   * @param sizeBytes the message's size on the wire (bandwidth arrives with the network issue)
   */
  public long deliveryAt(long nowMicros, int sizeBytes) {
    long at = Math.max(nowMicros + sampler.nextMicros(), lastDeliveryAt);
    lastDeliveryAt = at;
    return at;
  }

  /** The stream name of the link {@code from -> to}, for {@code SeededStreams}. */
  public static String streamName(String from, String to) {
    return "link:" + from + "->" + to;
  }
}
