package dev.replsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.TestRuns;
import dev.replsim.metrics.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepWriterTest {

  @TempDir Path tmp;

  @Test
  void failoverTimeIsFromTheFaultToTheNewLeaderAndFailoversWithoutAFaultAreLeftOut() {
    Summary s = withFailovers(List.of(failover(10_450, 10_000.0), failover(20_300, 20_000.0), failover(30_000, null)));
    assertEquals(List.of(450.0, 300.0), SweepTable.failoverTimes(s));
    SweepTable table = new SweepTable(List.of(), List.of("follower-1"), List.of());
    assertEquals("3", table.figures(s).get("failovers"));
    assertEquals("300", table.figures(s).get("failover_p50_ms"), "the nearest-rank median");
    assertEquals("450", table.figures(s).get("failover_p99_ms"));
    assertEquals("", table.figures(TestRuns.result().summary()).get("failover_p50_ms"), "no fault instant: blank");
  }

  @Test
  void aFollowerARunLacksHasBlankLagCells() {
    SweepTable table = new SweepTable(List.of(), List.of("follower-1", "follower-3"), List.of());
    Summary s = TestRuns.result().summary();
    assertEquals("30.5", table.figures(s).get("apply_lag_p50_ms_follower-1"));
    assertEquals("", table.figures(s).get("apply_lag_p50_ms_follower-3"));
    assertEquals("", table.figures(s).get("apply_lag_p99_ms_follower-3"));
  }

  @Test
  void thePageDrawsAFailoverCdfPerCombinationWhenRunsFailedOverAfterAFault() throws IOException {
    List<SweepRow> rows = List.of(
        new SweepRow("failover.timeout-150ms_seed-1", List.of("150ms"), 1,
            withFailovers(List.of(failover(10_300, 10_000.0), failover(20_250, 20_000.0))), null),
        new SweepRow("failover.timeout-150ms_seed-2", List.of("150ms"), 2,
            withFailovers(List.of(failover(10_280, 10_000.0))), null),
        new SweepRow("failover.timeout-300ms_seed-1", List.of("300ms"), 1,
            withFailovers(List.of(failover(10_500, 10_000.0))), null),
        new SweepRow("failover.timeout-300ms_seed-2", List.of("300ms"), 2, null, "the cluster did not form"));
    SweepWriter.write(tmp, "election", List.of("failover.timeout"), List.of("follower-1", "follower-2"), rows);

    String html = Files.readString(tmp.resolve(SweepWriter.HTML));
    assertTrue(html.contains("data-chart='failover-cdf'"), "the CDF is drawn");
    assertTrue(html.contains("data-series='failover.timeout = 150ms' data-count='3'"), "three trials at 150ms");
    assertTrue(html.contains("data-series='failover.timeout = 300ms' data-count='1'"), "one at 300ms");
    assertTrue(html.contains("data-chart='failover-p50-by-failover.timeout'"), html);
    assertTrue(html.contains("the cluster did not form"), "failed runs are listed");
    assertFalse(html.contains("<script src") || html.contains("<link "), "nothing is fetched");
    List<String> csv = Files.readAllLines(tmp.resolve(SweepWriter.CSV));
    assertEquals(5, csv.size());
    assertTrue(csv.get(4).startsWith("failover.timeout-300ms_seed-2,300ms,2,,,"), csv.get(4));
    assertTrue(csv.get(4).endsWith(",the cluster did not form"), csv.get(4));
  }

  private static Summary.Failover failover(double atMs, Double faultAtMs) {
    return new Summary.Failover(atMs, "leader", "follower-1", 2, 100.0, 400.0, 0, "crash", faultAtMs, 50.0, false);
  }

  private static Summary withFailovers(List<Summary.Failover> failovers) {
    Summary s = TestRuns.result().summary();
    return new Summary(s.scenario(), s.cluster(), s.writes(), s.commitLatencyMs(), s.lag(), s.reads(), failovers,
        s.faults(), s.convergence(), s.network(), s.throughput(), s.run(), s.replication(), s.failover(),
        s.linearizability(), s.recoveries());
  }
}
