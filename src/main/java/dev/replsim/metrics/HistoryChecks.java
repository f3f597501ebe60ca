package dev.replsim.metrics;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.check.Anomaly;
import dev.replsim.check.History;
import dev.replsim.check.Operation;
import dev.replsim.check.ReadAnomalies;
import dev.replsim.check.StaleReads;
import dev.replsim.check.TVisibility;
import dev.replsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Judges a finished run's history with the checkers of {@code dev.replsim.check}: the read
 * anomalies for {@code summary.json}'s {@code reads}, a bounded sample of them as events, the
 * t-visibility curve per node for {@code reads.csv}, and, when asked for, linearizability ({@link
 * LinearizabilityRun}). Without a recorded history, the reads are only counted.
 */
public final class HistoryChecks {

  /** The width of the t-visibility buckets. */
  static final long BUCKET_MICROS = 10_000;
  /** How far {@code reads.csv} goes past the last bucket with a stale read. */
  static final long CURVE_TAIL_MICROS = 100_000;
  /** The metric of {@code reads.csv} the report draws. */
  public static final String STALE_READ_PROBABILITY = "stale_read_probability";

  private HistoryChecks() {}

  /**
   * What the checks found.
   *
   * @param reads {@code summary.json}'s {@code reads}
   * @param linearizability the linearizability check, or null when it was not asked for
   * @param curve the rows of {@code reads.csv} (x: ms since the key's last commit); empty without a history
   * @param operations the history's operations ({@code history.csv}); empty without a history
   */
  public record Results(Summary.Reads reads, Summary.Linearizability linearizability, List<Sample> curve,
      List<Operation> operations) {}

  /**
   * Checks {@code history} (null: none was recorded), adding a sample of the anomalies found, and
   * the linearizability verdict, to the recorder's events at {@code nowMicros}.
   */
  public static Results run(Scenario scenario, Recorder recorder, HistoryRecorder history, long nowMicros) {
    ReadCounts counts = recorder.reads();
    Summary.Session session = new Summary.Session(kebab(scenario.workload().reads().guarantee()), counts.waited(),
        counts.redirected(), LatencyStats.of(counts.holds()));
    Summary.Reads unchecked = new Summary.Reads(counts.answered(), 0, 0, 0, 0, counts.failed(), counts.probes(),
        counts.byNode(scenario.nodes()), false, 0, Summary.Staleness.NONE, session, Summary.Visibility.NONE);
    if (history == null) {
      return new Results(unchecked, null, List.of(), List.of());
    }
    History h;
    try {
      h = history.history(recorder.writeStartMicros());
    } catch (IllegalArgumentException e) {
      recorder.event(nowMicros, "history-invalid", null, details("reason", e.getMessage()));
      return new Results(unchecked, null, List.of(), List.of());
    }
    Summary.Linearizability linearizability = scenario.check().linearizable()
        ? LinearizabilityRun.check(h, recorder, nowMicros) : null;
    if (!scenario.check().anomalies() || !scenario.workload().reads().enabled()) {
      return new Results(unchecked, linearizability, List.of(), h.operations());
    }
    String leader = scenario.leader();
    boolean followerReads = h.okReads().stream().anyMatch(r -> !leader.equals(r.node()));
    Predicate<Operation> over = followerReads ? r -> !leader.equals(r.node()) : r -> leader.equals(r.node());
    ReadAnomalies.Report report = ReadAnomalies.check(h, new ReadAnomalies.Settings(20, BUCKET_MICROS, over));
    for (Anomaly a : report.samples()) {
      recorder.event(recorder.writeStartMicros() + a.atMicros(), a.type(), a.node(), a.details());
    }
    StaleReads.Report stale = report.stale();
    Summary.Reads reads = new Summary.Reads(counts.answered(), stale.findings().count(),
        report.readYourWrites().count(), report.monotonicReads().count(), report.consistentPrefix().count(),
        counts.failed(), counts.probes(), counts.byNode(scenario.nodes()), true, report.unplacedReads(),
        new Summary.Staleness(amounts(stale.versions()), amounts(stale.staleMs())), session,
        new Summary.Visibility(followerReads ? "followers" : "leader", ms(BUCKET_MICROS),
            points(truncated(report.tVisibility()))));
    return new Results(reads, linearizability, curve(h), h.operations());
  }

  /** The curve of each node that served reads, up to {@link #CURVE_TAIL_MICROS} past the last stale bucket. */
  static List<Sample> curve(History h) {
    Set<String> nodes = new LinkedHashSet<>();
    h.okReads().forEach(r -> nodes.add(r.node()));
    List<List<TVisibility.Point>> curves = new ArrayList<>();
    double lastStaleMs = 0;
    for (String node : nodes) {
      List<TVisibility.Point> points = TVisibility.curve(h, BUCKET_MICROS, r -> node.equals(r.node()));
      curves.add(points);
      for (TVisibility.Point p : points) {
        if (p.stale() > 0) {
          lastStaleMs = Math.max(lastStaleMs, p.tMs());
        }
      }
    }
    double endMs = lastStaleMs + ms(CURVE_TAIL_MICROS);
    List<Sample> rows = new ArrayList<>();
    int i = 0;
    for (String node : nodes) {
      for (TVisibility.Point p : curves.get(i++)) {
        if (p.tMs() <= endMs) {
          rows.add(new Sample(p.tMs(), node, STALE_READ_PROBABILITY, round(p.probability())));
          rows.add(new Sample(p.tMs(), node, "reads", p.reads()));
        }
      }
    }
    return rows;
  }

  /** The curve up to the bucket after the last one with a stale read. */
  private static List<TVisibility.Point> truncated(List<TVisibility.Point> curve) {
    int last = -1;
    for (int i = 0; i < curve.size(); i++) {
      if (curve.get(i).stale() > 0) {
        last = i;
      }
    }
    return curve.subList(0, Math.min(curve.size(), last + 2));
  }

  private static List<Summary.VisibilityPoint> points(List<TVisibility.Point> curve) {
    return curve.stream()
        .map(p -> new Summary.VisibilityPoint(p.tMs(), p.reads(), p.stale(), round(p.probability())))
        .toList();
  }

  private static Summary.Amounts amounts(StaleReads.Amounts a) {
    return new Summary.Amounts(round(a.mean()), a.p50(), a.p99(), a.max());
  }

  private static String kebab(Enum<?> value) {
    return SummaryBuilder.kebab(value);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
