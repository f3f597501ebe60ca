package dev.replsim.metrics;

import dev.replsim.network.Transmission;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the emulated network did over a run: messages sent, delivered, dropped and duplicated,
 * bytes sent, and how late the live links delivered against their sampled instants. Counted by
 * every node's thread at once, hence adders.
 */
public final class NetworkCounts {

  private final LongAdder sent = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder duplicated = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final IntervalHistogram deliveryError;

  NetworkCounts(boolean oneThread) {
    deliveryError = new IntervalHistogram(oneThread ? IntervalHistogram.Threads.ONE
        : IntervalHistogram.Threads.MULTI_WRITER);
  }

  public void sent(int sizeBytes) {
    sent.increment();
    bytes.add(sizeBytes);
  }

  /** The link dropped a message (lost, or cut off by a partition), or it was lost with a crashed node. */
  public void dropped(Transmission.Fate fate) {
    dropped.increment();
  }

  /** The link delivers a second copy of a message. */
  public void duplicated() {
    duplicated.increment();
  }

  /** A message was handed to its node {@code errorMicros} after its sampled delivery instant. */
  public void delivered(long errorMicros) {
    delivered.increment();
    deliveryError.record(errorMicros);
  }

  IntervalHistogram deliveryError() {
    return deliveryError;
  }

  Summary.NetworkStats stats() {
    return new Summary.NetworkStats(sent.sum(), delivered.sum(), dropped.sum(), duplicated.sum(), bytes.sum(),
        deliveryError.stats());
  }
}
