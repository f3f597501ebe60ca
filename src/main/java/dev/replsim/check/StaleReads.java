package dev.replsim.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finds stale reads: a read whose value is older than the newest write to its key that had been
 * acknowledged (completed OK) before the read was invoked. Whatever served the read, a client that
 * had already been told of a newer write could not have been shown this value by an up-to-date
 * database. Judged from the history alone, so it holds whichever mechanism served the read.
 *
 * <p>How stale: in versions, the acknowledged writes to the key (acknowledged before the read was
 * invoked) that are newer than the value read; in time, how long before the read's invoke the
 * newest missed version (the one the read should have returned at least) was acknowledged.
 */
public final class StaleReads {

  private StaleReads() {}

  /**
   * One stale read.
   *
   * @param read the offending read
   * @param seen the write whose value it returned; null if it returned an absent key
   * @param newestMissed the newest version acknowledged before the read was invoked
   * @param missedVersions acknowledged writes to the key newer than what the read returned
   * @param staleMicros from the acknowledgement of {@code newestMissed} to the read's invoke
   */
  public record StaleRead(
      Operation read, Operation seen, Operation newestMissed, int missedVersions, long staleMicros)
      implements Anomaly {

    @Override
    public String type() {
      return "stale-read";
    }

    @Override
    public Map<String, Object> details() {
      return Anomaly.aboutRead(read, "missed", newestMissed.id(), "missedValue", newestMissed.value(),
          "missedVersions", missedVersions, "staleMs", Anomaly.ms(staleMicros));
    }
  }

  /**
   * The stale reads of a history and how stale they were.
   *
   * @param findings the stale reads among the OK reads whose value could be placed
   * @param versions missed versions over the stale reads
   * @param staleMs milliseconds since the newest missed version was acknowledged, over the stale reads
   */
  public record Report(Findings<StaleRead> findings, Amounts versions, Amounts staleMs) {}

  /** Mean, median, 99th percentile and maximum of an amount over the offending reads (all 0 if none). */
  public record Amounts(double mean, double p50, double p99, double max) {

    /** The amounts of {@code values} (nearest-rank percentiles), all 0 for none. */
    public static Amounts of(List<Double> values) {
      if (values.isEmpty()) {
        return new Amounts(0, 0, 0, 0);
      }
      double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Amounts(Arrays.stream(sorted).average().orElse(0), rank(sorted, 0.50),
          rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile. */
    private static double rank(double[] sorted, double q) {
      int i = (int) Math.ceil(q * sorted.length) - 1;
      return sorted[Math.max(0, i)];
    }
  }

  /** Every stale read of the history, with at most {@code maxSamples} kept as samples. */
  public static Report check(History history, int maxSamples) {
    Samples<StaleRead> samples = new Samples<>(maxSamples);
    long checked = 0;
    List<Double> versions = new ArrayList<>();
    List<Double> ms = new ArrayList<>();
    for (String key : history.keys()) {
      List<Operation> ops = history.onKey(key);
      Versions order = history.versions(key);
      Acknowledged acknowledged = new Acknowledged(ops);
      for (Operation read : ops) {
        if (!read.isRead() || !read.ok() || order.versionSeenBy(read) == Versions.UNPLACED) {
          continue;
        }
        checked++;
        StaleRead stale = judge(read, order, acknowledged);
        if (stale != null) {
          versions.add((double) stale.missedVersions());
          ms.add(Anomaly.ms(stale.staleMicros()));
          samples.add(stale);
        }
      }
    }
    return new Report(samples.findings(checked), Amounts.of(versions), Amounts.of(ms));
  }

  /** The read as a stale read, or null if it is not stale. The read's value must be placed. */
  static StaleRead judge(Operation read, Versions order, Acknowledged acknowledged) {
    Operation newest = acknowledged.newestBefore(read.invokeMicros());
    long seen = order.versionSeenBy(read);
    if (newest == null || seen >= newest.lsn()) {
      return null;
    }
    int missed = 0;
    List<Operation> placed = order.placed();
    for (int i = order.firstAbove(seen); i < placed.size() && placed.get(i).lsn() <= newest.lsn(); i++) {
      Operation w = placed.get(i);
      if (w.ok() && w.completeMicros() < read.invokeMicros()) {
        missed++;
      }
    }
    return new StaleRead(read, order.writeOf(read.value()), newest, missed,
        read.invokeMicros() - newest.completeMicros());
  }
}
