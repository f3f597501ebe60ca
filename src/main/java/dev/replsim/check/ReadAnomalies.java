package dev.replsim.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs every read-anomaly checker over a history: the one call a driver makes at the end of a run
 * for {@code summary.json}'s {@code reads} member, {@code events.jsonl} and the t-visibility curve.
 * Each checker is also usable on its own ({@link StaleReads}, {@link ReadYourWrites},
 * {@link MonotonicReads}, {@link ConsistentPrefix}, {@link TVisibility}).
 */
public final class ReadAnomalies {

  private ReadAnomalies() {}

  /**
   * How to check.
   *
   * @param maxSamples offending operations kept per checker (the counts are always exact)
   * @param bucketMicros the width of the t-visibility curve's buckets
   * @param curveReads which reads the t-visibility curve covers (e.g. those served by followers)
   */
  public record Settings(int maxSamples, long bucketMicros, Predicate<Operation> curveReads) {

    /** 20 samples per checker, 10 ms buckets over every read. */
    public static final Settings DEFAULT = new Settings(20, 10_000, read -> true);

    public Settings {
      if (maxSamples < 0 || bucketMicros <= 0) {
        throw new IllegalArgumentException(
            "need maxSamples >= 0 and bucketMicros > 0, got " + maxSamples + " and " + bucketMicros);
      }
    }
  }

  /**
   * What the checkers found.
   *
   * @param reads OK reads in the history
   * @param unplacedReads OK reads whose value could not be placed in its key's version order (a
   *     value nobody wrote, or a write without an LSN): the version-comparing checkers skip them
   * @param stale stale reads, and how stale
   * @param readYourWrites read-your-writes violations
   * @param monotonicReads monotonic-read violations
   * @param consistentPrefix consistent-prefix violations
   * @param tVisibility the probability of a stale read against the time since the newest write
   */
  public record Report(
      long reads,
      long unplacedReads,
      StaleReads.Report stale,
      Findings<ReadYourWrites.Violation> readYourWrites,
      Findings<MonotonicReads.Violation> monotonicReads,
      Findings<ConsistentPrefix.Violation> consistentPrefix,
      List<TVisibility.Point> tVisibility) {

    /** Every checker's samples together, in time order: lines for {@code events.jsonl}. */
    public List<Anomaly> samples() {
      List<Anomaly> all = new ArrayList<>(stale.findings().samples());
      all.addAll(readYourWrites.samples());
      all.addAll(monotonicReads.samples());
      all.addAll(consistentPrefix.samples());
      all.sort(Comparator.comparingLong(Anomaly::atMicros));
      return all;
    }
  }

  /** Checks with the {@link Settings#DEFAULT default settings}. */
  public static Report check(History history) {
    return check(history, Settings.DEFAULT);
  }

  public static Report check(History history, Settings settings) {
    List<Operation> reads = history.okReads();
    long unplaced = reads.stream()
        .filter(r -> history.versions(r.key()).versionSeenBy(r) == Versions.UNPLACED)
        .count();
    int samples = settings.maxSamples();
    return new Report(
        reads.size(),
        unplaced,
        StaleReads.check(history, samples),
        ReadYourWrites.check(history, samples),
        MonotonicReads.check(history, samples),
        ConsistentPrefix.check(history, samples),
        TVisibility.curve(history, settings.bucketMicros(), settings.curveReads()));
  }
}
