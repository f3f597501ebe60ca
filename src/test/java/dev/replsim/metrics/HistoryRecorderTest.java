package dev.replsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.replsim.check.History;
import dev.replsim.check.Operation;
import dev.replsim.check.Operation.Kind;
import dev.replsim.check.Operation.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run's history as the checkers get it: every closed client's operations, numbered in invoke
 * order, timed from the start of the writes, with LSNs that stay in log order across terms.
 */
class HistoryRecorderTest {

  private static final long START = 5_000_000; // the writes start 5 s into the run clock

  @Test
  void operationsOfEveryClientAreNumberedInInvokeOrderAndTimedFromTheStartOfTheWrites() {
    HistoryRecorder recorder = new HistoryRecorder();
    ClientHistory c1 = recorder.client("c1");
    ClientHistory c2 = recorder.client("c2");
    c1.write("k1", "c1-1", START + 300, START + 400, Outcome.OK, "leader", 1, 2);
    c2.write("k1", "c2-1", START + 100, START + 250, Outcome.OK, "leader", 1, 1);
    c1.read("k1", "c1-1", START + 500, START + 520, Outcome.OK, "follower-1", 1, 2);
    c1.close();
    c2.close();

    History h = recorder.history(START);

    assertEquals(List.of(
        new Operation(1, "c2", Kind.WRITE, "k1", "c2-1", 100, 250, Outcome.OK, "leader", 1),
        new Operation(2, "c1", Kind.WRITE, "k1", "c1-1", 300, 400, Outcome.OK, "leader", 2),
        new Operation(3, "c1", Kind.READ, "k1", "c1-1", 500, 520, Outcome.OK, "follower-1", 2)),
        h.operations());
  }

  @Test
  void lsnsAreRunWideAcrossTermsSoALaterTermsWritesAreNewer() {
    assertEquals(42, ClientHistory.runWideLsn(1, 42));
    assertEquals(1_000_000_000_003L, ClientHistory.runWideLsn(2, 3));
    assertEquals(0, ClientHistory.runWideLsn(2, 0), "no LSN: not placed");

    HistoryRecorder recorder = new HistoryRecorder();
    ClientHistory c = recorder.client("c1");
    c.write("k", "before-restart", START + 1, START + 2, Outcome.OK, "leader", 1, 500);
    c.write("k", "after-restart", START + 3, START + 4, Outcome.OK, "leader", 2, 1); // LSN 1 again, term 2
    c.close();

    History h = recorder.history(START);

    assertEquals(List.of("before-restart", "after-restart"),
        h.versions("k").placed().stream().map(Operation::value).toList(), "term 2's LSN 1 is the newer version");
  }

  @Test
  void aReadThatGotNoAnswerObservedNothing() {
    HistoryRecorder recorder = new HistoryRecorder();
    ClientHistory c = recorder.client("c1");
    c.read("k", "ignored", START + 10, START + 90, Outcome.UNKNOWN, "follower-2", 1, 7);
    c.close();

    Operation read = recorder.history(START).operations().get(0);

    assertNull(read.value());
    assertEquals(Outcome.UNKNOWN, read.outcome());
  }

  @Test
  void aClientRecordsNothingOnceClosedAndAnOpenClientIsLeftOut() {
    HistoryRecorder recorder = new HistoryRecorder();
    ClientHistory closed = recorder.client("c1");
    ClientHistory open = recorder.client("c2");
    closed.write("k", "c1-1", START, START + 1, Outcome.OK, "leader", 1, 1);
    closed.close();
    closed.write("k", "c1-2", START + 2, START + 3, Outcome.OK, "leader", 1, 2);
    open.write("k", "c2-1", START, START + 1, Outcome.OK, "leader", 1, 3);

    assertEquals(1, recorder.history(START).size());
    assertEquals(1, recorder.size());
  }

  @Test
  void anInvalidHistoryIsRefusedWithTheReason() {
    HistoryRecorder recorder = new HistoryRecorder();
    ClientHistory c = recorder.client("c1");
    c.write("a", "c1-1", START, START + 1, Outcome.OK, "leader", 1, 9);
    c.write("b", "c1-2", START, START + 1, Outcome.OK, "leader", 1, 9);
    c.close();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> recorder.history(START));
    assertEquals("writes 1 and 2 are both at LSN 9; log positions must be unique in a run", e.getMessage());
  }
}
