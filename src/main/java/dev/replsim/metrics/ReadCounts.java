package dev.replsim.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * What clients' reads did, counted as they happen (whether or not the history is recorded): how
 * many were answered and by which node, how many failed, and how session guarantees were kept —
 * reads a follower held until it had applied the session's position (and for how long), and reads
 * that went to the leader because the follower did not get there in time. Safe from every
 * client's thread at once.
 */
public final class ReadCounts {

  private final LongAdder issued = new LongAdder();
  private final LongAdder answered = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder probes = new LongAdder();
  private final LongAdder waited = new LongAdder();
  private final LongAdder redirected = new LongAdder();
  private final org.HdrHistogram.Recorder waits = new org.HdrHistogram.Recorder(3);
  private final Map<String, LongAdder> byNode = new ConcurrentHashMap<>();

  public void issued() {
    issued.increment();
  }

  /**
   * A read was answered by {@code node}.
   *
   * @param probe whether it was a read-after-write probe
   * @param heldMicros how long a follower held it for its session's position (0 if not held)
   * @param redirected whether a follower did not reach the position in time, so the leader answered
   */
  public void answered(String node, boolean probe, long heldMicros, boolean redirected) {
    answered.increment();
    byNode.computeIfAbsent(node, n -> new LongAdder()).increment();
    if (probe) {
      probes.increment();
    }
    if (heldMicros > 0) {
      waits.recordValue(heldMicros);
      if (!redirected) {
        waited.increment();
      }
    }
    if (redirected) {
      this.redirected.increment();
    }
  }

  /** Reads that got no answer: their node was down, or they timed out. */
  public void failed(int count) {
    failed.add(count);
  }

  /** Reads issued and not yet answered or failed. */
  public long outstanding() {
    return issued.sum() - answered.sum() - failed.sum();
  }

  public long answered() {
    return answered.sum();
  }

  public long failed() {
    return failed.sum();
  }

  public long probes() {
    return probes.sum();
  }

  public long waited() {
    return waited.sum();
  }

  public long redirected() {
    return redirected.sum();
  }

  /** How long followers held reads, in microseconds; call once, at the end. */
  Histogram holds() {
    return waits.getIntervalHistogram();
  }

  /** Reads answered by each node, in the order given (nodes that answered none are left out). */
  Map<String, Long> byNode(Iterable<String> nodes) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String node : nodes) {
      LongAdder n = byNode.get(node);
      if (n != null) {
        counts.put(node, n.sum());
      }
    }
    return counts;
  }
}
