package dev.replsim.check;

import static dev.replsim.check.Histories.history;
import static dev.replsim.check.Histories.read;
import static dev.replsim.check.Histories.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a history accepts, and how a read's value is placed in its key's version order. */
class HistoryTest {

  @Test
  void aReadReflectsTheVersionOfTheWriteWhoseValueItReturned() {
    History h = history(
        write("c1", "a", "A2").at(20, 30).lsn(7),
        write("c1", "a", "A1").at(0, 10).lsn(3),
        read("c2", "a", "A1").at(40, 41),
        read("c2", "a", null).at(42, 43),
        read("c2", "a", "nobody wrote this").at(44, 45),
        write("c3", "a", "A3").at(50, 60).unknown(),
        read("c2", "a", "A3").at(55, 56));

    Versions a = h.versions("a");
    List<Operation> reads = h.okReads();
    assertEquals(3, a.versionSeenBy(reads.get(0)));
    assertEquals(0, a.versionSeenBy(reads.get(1)), "an absent key is version 0, older than any write");
    assertEquals(Versions.UNPLACED, a.versionSeenBy(reads.get(2)));
    assertEquals(Versions.UNPLACED, a.versionSeenBy(reads.get(3)), "its write has no LSN");
    assertEquals(List.of("A1", "A2"), a.placed().stream().map(Operation::value).toList());
    assertEquals("A2", a.nextAfter(3).value());
    assertNull(a.nextAfter(7));
    assertEquals("A3", h.writeSeenBy(reads.get(3)).value());
  }

  @Test
  void operationsAreKeptInInvokeOrder() {
    History h = history(read("c1", "a", null).at(5, 6), write("c2", "a", "A").at(1, 2).lsn(1));
    assertEquals(List.of(2L, 1L), h.operations().stream().map(Operation::id).toList());
  }

  @Test
  void rejectsAValueWrittenTwiceToAKey() {
    var e = assertThrows(IllegalArgumentException.class, () -> history(
        write("c1", "a", "A").at(0, 1).lsn(1), write("c2", "a", "A").at(2, 3).lsn(2)));
    assertTrue(e.getMessage().contains("value A is written to key a twice"), e.getMessage());
  }

  @Test
  void rejectsTwoWritesAtOneLogPosition() {
    var e = assertThrows(IllegalArgumentException.class, () -> history(
        write("c1", "a", "A").at(0, 1).lsn(4), write("c2", "b", "B").at(2, 3).lsn(4)));
    assertTrue(e.getMessage().contains("both at LSN 4"), e.getMessage());
  }

  @Test
  void rejectsAnOperationThatCompletesBeforeItIsInvoked() {
    assertThrows(IllegalArgumentException.class, () -> history(read("c1", "a", null).at(5, 4)));
  }

  @Test
  void printsAnOperationOnOneReadableLine() {
    Operation op = history(write("c1", "x", "c1-1").at(0, 10.5).lsn(1)).operations().get(0);
    assertEquals("c1   write x = c1-1           0.000..10.500 ms  OK  on leader", op.toString());
  }
}
