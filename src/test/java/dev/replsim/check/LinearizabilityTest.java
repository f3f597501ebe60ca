package dev.replsim.check;

import static dev.replsim.check.Histories.history;
import static dev.replsim.check.Histories.read;
import static dev.replsim.check.Histories.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.check.LinearizabilityResult.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Linearizability of registers, per key, with minimal counterexamples. */
class LinearizabilityTest {

  private static Verdict verdict(History h) {
    return Linearizability.check(h).verdict();
  }

  private static List<String> lines(Counterexample c) {
    return c.operations().stream().map(op -> op.client() + " " + op.kind() + " " + op.value()).toList();
  }

  @Test
  void sequentialReadsAndWritesAreLinearizable() {
    assertEquals(Verdict.LINEARIZABLE, verdict(history(
        read("c1", "x", null).at(0, 1),
        write("c1", "x", "1").at(2, 3),
        read("c2", "x", "1").at(4, 5),
        write("c2", "x", "2").at(6, 7),
        read("c1", "x", "2").at(8, 9))));
  }

  @Test
  void concurrentOperationsMayTakeEffectInEitherOrder() {
    // 2 then a read of 2 then 1, all within the overlapping intervals; then 1 is read
    assertEquals(Verdict.LINEARIZABLE, verdict(history(
        write("c1", "x", "1").at(0, 10),
        write("c2", "x", "2").at(5, 15),
        read("c3", "x", "2").at(3, 12),
        read("c3", "x", "1").at(16, 20))));
  }

  @Test
  void aReadReturningAValueOverwrittenBeforeItStartedIsNotLinearizable() {
    LinearizabilityResult result = Linearizability.check(history(
        write("c1", "x", "1").at(0, 10),
        write("c2", "x", "2").at(20, 30),
        read("c3", "x", "1").at(40, 50)));

    assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
    assertEquals(List.of("c1 WRITE 1", "c2 WRITE 2", "c3 READ 1"), lines(result.counterexamples().get(0)));
  }

  @Test
  void theSameReadOverlappingTheOverwriteIsLinearizable() {
    assertEquals(Verdict.LINEARIZABLE, verdict(history(
        write("c1", "x", "1").at(0, 10),
        write("c2", "x", "2").at(20, 30),
        read("c3", "x", "1").at(25, 50))));
  }

  @Test
  void aTimedOutWriteMayHaveTakenEffectEvenAfterTheClientGaveUp() {
    assertEquals(Verdict.LINEARIZABLE, verdict(history(
        write("c1", "x", "1").at(0, 10),
        write("c2", "x", "2").at(20, 1000).unknown(),
        read("c3", "x", "1").at(30, 40),
        read("c3", "x", "2").at(1500, 1510))));
  }

  @Test
  void aTimedOutWriteMayNeverHaveTakenEffect() {
    assertEquals(Verdict.LINEARIZABLE, verdict(history(
        write("c1", "x", "1").at(0, 10),
        write("c2", "x", "2").at(20, 1000).unknown(),
        read("c3", "x", "1").at(30, 40),
        read("c3", "x", "1").at(1500, 1510))));
  }

  @Test
  void aTimedOutWriteCannotTakeEffectTwice() {
    // once 2 was read and then 3 overwrote it, 2 cannot come back
    assertEquals(Verdict.NOT_LINEARIZABLE, verdict(history(
        write("c2", "x", "2").at(20, 1000).unknown(),
        read("c3", "x", "2").at(30, 40),
        write("c1", "x", "3").at(50, 60),
        read("c3", "x", "2").at(1500, 1510))));
  }

  @Test
  void aFailedWriteNeverTookEffectSoReadingItsValueIsNotLinearizable() {
    LinearizabilityResult result = Linearizability.check(history(
        write("c1", "x", "1").at(0, 10).failed(),
        read("c2", "x", "1").at(20, 30)));

    assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
    Counterexample c = result.counterexamples().get(0);
    assertEquals(List.of("c1 WRITE 1", "c2 READ 1"), lines(c));
    assertTrue(c.explanation().contains("FAILED"), c.explanation());
  }

  @Test
  void theCounterexampleIsShrunkToTheOperationsThatCannotBeOrdered() {
    LinearizabilityResult result = Linearizability.check(history(
        write("c1", "x", "1").at(0, 10),
        read("c2", "x", "1").at(11, 12),
        write("c1", "y", "a").at(12, 14),
        write("c1", "x", "2").at(20, 30),
        read("c2", "x", "2").at(31, 32),
        read("c3", "x", "1").at(40, 50),
        read("c2", "y", "a").at(41, 42),
        write("c1", "x", "3").at(60, 70),
        read("c2", "x", "3").at(80, 90)));

    assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
    assertEquals(List.of(Verdict.NOT_LINEARIZABLE, Verdict.LINEARIZABLE),
        result.keys().stream().map(LinearizabilityResult.KeyResult::verdict).toList());
    Counterexample c = result.counterexamples().get(0);
    assertEquals("x", c.key());
    assertEquals(List.of("c1 WRITE 1", "c1 WRITE 2", "c3 READ 1"), lines(c));
    assertEquals("""
        key x: 3 operations cannot be ordered: no order of these operations takes each effect \
        between its invoke and its complete and has every read return the latest value written
          c1   write x = 1              0.000..10.000 ms  OK  on leader
          c1   write x = 2             20.000..30.000 ms  OK  on leader
          c3   read  x = 1             40.000..50.000 ms  OK  on follower-1
        """, c.render().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void aKeyWhoseSearchRunsOutOfBudgetIsUnknownNotAnswered() {
    History h = GeneratedHistories.linearizable(7, 2_000, 8, 1);
    LinearizabilityResult result = Linearizability.check(h, new Linearizability.Settings(100, 1, 1000));

    assertEquals(Verdict.UNKNOWN, result.verdict());
    assertTrue(result.describe().startsWith("unknown (too large) (1 keys: 0 linearizable, 0 not, 1 unknown)"),
        result.describe());
  }

  @Test
  void tenThousandGeneratedOperationsCheckQuickly() {
    History h = GeneratedHistories.linearizable(42, 10_000, 16, 20);

    LinearizabilityResult result = Linearizability.check(h);

    assertEquals(Verdict.LINEARIZABLE, result.verdict(), result::describe);
  }

  @Test
  void tenThousandGeneratedOperationsOnOneKeyCheckQuickly() {
    History h = GeneratedHistories.linearizable(43, 10_000, 16, 1);

    assertEquals(Verdict.LINEARIZABLE, Linearizability.check(h).verdict());
  }

  @Test
  void oneStaleReadAmongTenThousandOperationsIsFoundAndShrunk() {
    History h = GeneratedHistories.withStaleRead(GeneratedHistories.linearizable(44, 10_000, 16, 1));

    LinearizabilityResult result = Linearizability.check(h);

    assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
    Counterexample c = result.counterexamples().get(0);
    assertTrue(c.operations().size() <= 4, c::render);
    assertEquals(Counterexample.NO_ORDER, c.explanation());
  }
}
