package dev.replsim.check;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The t-visibility curve: the probability that a read is stale as a function of the time since
 * the newest write to its key was committed, as "Probabilistically Bounded Staleness" (Bailis et
 * al., VLDB 2012) measures it. For each OK read, {@code t} is the time from the acknowledgement of
 * the newest version acknowledged before the read was invoked to the read's invoke, and the read
 * is stale as {@link StaleReads} defines it. Reads of keys with no acknowledged write yet have no
 * {@code t} and are left out; so are reads whose value cannot be placed.
 */
public final class TVisibility {

  private TVisibility() {}

  /**
   * One bucket of the curve.
   *
   * @param tMs the bucket's start: reads invoked {@code tMs} to {@code tMs + width} after the
   *     newest version of their key was acknowledged
   * @param reads the reads in the bucket
   * @param stale how many of them were stale
   * @param probability {@code stale / reads}
   */
  public record Point(double tMs, long reads, long stale, double probability) {}

  /**
   * The curve over the reads that {@code reads} selects (e.g. those served by followers), in
   * buckets of {@code bucketMicros}; only buckets holding reads appear, in order of {@code t}.
   */
  public static List<Point> curve(History history, long bucketMicros, Predicate<Operation> reads) {
    if (bucketMicros <= 0) {
      throw new IllegalArgumentException("bucket width must be positive, got " + bucketMicros + " µs");
    }
    TreeMap<Long, long[]> buckets = new TreeMap<>(); // bucket -> {reads, stale}
    for (String key : history.keys()) {
      List<Operation> ops = history.onKey(key);
      Versions order = history.versions(key);
      Acknowledged acknowledged = new Acknowledged(ops);
      for (Operation read : ops) {
        if (!read.isRead() || !read.ok() || !reads.test(read)
            || order.versionSeenBy(read) == Versions.UNPLACED) {
          continue;
        }
        Operation newest = acknowledged.newestBefore(read.invokeMicros());
        if (newest == null) {
          continue;
        }
        long t = read.invokeMicros() - newest.completeMicros();
        long[] bucket = buckets.computeIfAbsent(t / bucketMicros, b -> new long[2]);
        bucket[0]++;
        if (StaleReads.judge(read, order, acknowledged) != null) {
          bucket[1]++;
        }
      }
    }
    List<Point> curve = new ArrayList<>(buckets.size());
    buckets.forEach((b, counts) -> curve.add(new Point(
        Anomaly.ms(b * bucketMicros), counts[0], counts[1], (double) counts[1] / counts[0])));
    return curve;
  }

  /** The curve over every OK read. */
  public static List<Point> curve(History history, long bucketMicros) {
    return curve(history, bucketMicros, read -> true);
  }
}
