package dev.replsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.check.History;
import dev.replsim.check.Linearizability;
import dev.replsim.check.LinearizabilityResult.Verdict;
import dev.replsim.check.Operation;
import dev.replsim.check.Operation.Kind;
import dev.replsim.check.Operation.Outcome;
import dev.replsim.scenario.CheckSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --check linearizable} on recorded histories: the verdict, the counterexample, and the prefix of a long run. */
class LinearizabilityRunTest {

  private static Operation write(long id, String client, String value, long invoke, long complete, long lsn) {
    return new Operation(id, client, Kind.WRITE, "x", value, invoke, complete, Outcome.OK, "leader", lsn);
  }

  private static Operation read(long id, String client, String value, long invoke, long complete, String node) {
    return new Operation(id, client, Kind.READ, "x", value, invoke, complete, Outcome.OK, node, 0);
  }

  @Test
  void aFollowerReadOfAnOverwrittenValueFailsWithAMinimalCounterexampleInTheSummaryAndTheEvents() {
    History h = History.of(List.of(
        write(1, "c1", "c1-1", 0, 1_000, 1),
        write(2, "c2", "c2-1", 2_000, 3_000, 2),
        read(3, "c3", "c1-1", 4_000, 5_000, "follower-1")));
    Recorder recorder = new Recorder("leader", List.of("follower-1"));

    Summary.Linearizability result = LinearizabilityRun.check(h, recorder, 9_000);

    assertEquals("not linearizable", result.verdict());
    assertNull(result.checkedUpToMs(), "the whole history was checked");
    assertEquals(1, result.counterexamples().size());
    Summary.Counterexample c = result.counterexamples().get(0);
    assertEquals(3, c.operations().size());
    assertTrue(c.operations().get(2).contains("on follower-1"), c.operations().toString());
    assertEquals("linearizability", recorder.events().get(0).type());
    assertEquals("not linearizable", recorder.events().get(0).details().get("verdict"));
  }

  @Test
  void leaderReadsThatFollowEveryAcknowledgedWritePass() {
    History h = History.of(List.of(
        write(1, "c1", "c1-1", 0, 1_000, 1),
        read(2, "c2", "c1-1", 1_500, 1_600, "leader"),
        write(3, "c2", "c2-1", 2_000, 3_000, 2),
        read(4, "c1", "c2-1", 2_500, 3_500, "leader")));

    assertEquals("linearizable", LinearizabilityRun.check(h, new Recorder("leader", List.of()), 0).verdict());
  }

  @Test
  void aLongRunIsCheckedOnAPrefixOfTheLimitAndSaysWhereItEnds() {
    List<Operation> ops = new ArrayList<>();
    int n = CheckSettings.MAX_LINEARIZABLE_OPERATIONS + 500;
    for (int i = 1; i <= n; i++) {
      ops.add(new Operation(i, "c1", Kind.WRITE, "k" + (i % 10), "c1-" + i, i * 100L, i * 100L + 50, Outcome.OK,
          "leader", i));
    }

    Summary.Linearizability result = LinearizabilityRun.check(History.of(ops), new Recorder("leader", List.of()), 0);

    assertEquals(n, result.operations());
    assertEquals(CheckSettings.MAX_LINEARIZABLE_OPERATIONS, result.checkedOperations());
    assertEquals(1000.1, result.checkedUpToMs());
  }

  @Test
  void thePrefixTurnsWhatWasStillOpenAtTheCutIntoUnknownsAndObservesNothingOfLaterOperations() {
    History h = History.of(List.of(
        write(1, "c1", "c1-1", 0, 1_000, 1),
        write(2, "c2", "c2-1", 1_500, 3_000, 2), // acknowledged after the cut
        read(3, "c3", "c2-1", 1_800, 2_500, "leader"), // answered after the cut
        read(4, "c1", "c2-1", 2_100, 2_200, "leader"))); // invoked after the cut

    History prefix = LinearizabilityRun.prefix(h, 2_000);

    assertEquals(3, prefix.size());
    assertEquals(Outcome.UNKNOWN, prefix.operations().get(1).outcome());
    assertEquals(2_000, prefix.operations().get(1).completeMicros());
    assertNull(prefix.operations().get(2).value(), "the read had not returned by the cut");
    assertEquals(Verdict.LINEARIZABLE, Linearizability.check(prefix).verdict());
  }
}
