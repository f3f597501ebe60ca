package dev.replsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.TestRuns;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Summary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentsTest {

  private static final Summary NO_FAILOVERS = withFailovers(List.of());

  private static Summary withFailovers(List<Summary.Failover> failovers) {
    Summary s = TestRuns.result().summary();
    return new Summary(s.scenario(), s.cluster(), s.writes(), s.commitLatencyMs(), s.lag(), s.reads(), failovers,
        s.faults(), s.convergence(), s.network(), s.throughput(), s.run());
  }

  private static RunEvent event(double t, String type, String node, Object... details) {
    return new RunEvent(t, type, node, RunEvent.details(details));
  }

  @Test
  void aFaultLastsUntilTheHealWithTheSameId() {
    List<RunEvent> events = List.of(
        event(1000, "fault", "leader", "fault", "crash", "id", 1),
        event(1500, "fault", "follower-2", "fault", "pause", "id", 2),
        event(2000, "heal", "follower-2", "fault", "pause", "id", 2),
        event(4000, "heal", "leader", "fault", "crash", "id", 1));

    List<FaultWindow> faults = Incidents.of(NO_FAILOVERS, events, 20_000).faults();

    assertEquals(List.of(
        new FaultWindow(1000, 4000, "crash", List.of("leader"), true),
        new FaultWindow(1500, 2000, "pause", List.of("follower-2"), true)), faults);
    assertEquals("crash leader", faults.get(0).label());
  }

  @Test
  void aFaultNeverHealedLastsToTheEndOfTheRun() {
    List<FaultWindow> faults = Incidents.of(NO_FAILOVERS,
        List.of(event(5000, "fault", "follower-1", "fault", "crash", "id", "c1")), 20_000).faults();

    assertEquals(List.of(new FaultWindow(5000, 20_000, "crash", List.of("follower-1"), false)), faults);
  }

  @Test
  void aPartitionHitsTheNodesItLists() {
    FaultWindow partition = Incidents.of(NO_FAILOVERS, List.of(
        new RunEvent(100, "fault", null, Map.of("fault", "partition", "id", 7, "nodes", List.of("leader", "follower-3"))),
        event(900, "heal", null, "id", 7)), 20_000).faults().get(0);

    assertEquals(List.of("leader", "follower-3"), partition.nodes());
    assertTrue(partition.hits("follower-3"));
    assertFalse(partition.hits("follower-1"));
  }

  @Test
  void failoversComeFromTheSummary() {
    Summary s = withFailovers(List.of(new Summary.Failover(10_500, "leader", "follower-1", 2, 450, 900, 0)));

    List<Marker> markers = Incidents.of(s, List.of(), 20_000).failovers();

    assertEquals(List.of(new Marker(10_500, "failover: leader → follower-1 (term 2)", "follower-1")), markers);
  }

  @Test
  void withoutFailoversInTheSummaryANodeBecomingLeaderAfterTheStartIsMarked() {
    List<RunEvent> events = List.of(
        event(0, "role", "leader", "role", "leader", "term", 1),
        event(0, "role", "follower-1", "role", "follower", "term", 1),
        event(7000, "role", "follower-1", "role", "leader", "term", 2),
        event(7000, "role", "leader", "role", "follower", "term", 2));

    List<Marker> markers = Incidents.of(NO_FAILOVERS, events, 20_000).failovers();

    assertEquals(List.of(new Marker(7000, "follower-1 leads (term 2)", "follower-1")), markers);
  }

  @Test
  void aRunWithoutFaultsOrFailoversHasNoIncidents() {
    Incidents incidents = Incidents.of(NO_FAILOVERS, List.of(event(0, "role", "leader", "role", "leader")), 20_000);

    assertTrue(incidents.isEmpty());
    assertEquals(null, incidents.firstFaultMs());
  }
}
