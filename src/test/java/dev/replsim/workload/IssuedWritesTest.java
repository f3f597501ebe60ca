package dev.replsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.replsim.storage.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssuedWritesTest {

  private static Statement set(long id) {
    return new Statement.Assign("k" + id, "v" + id, 8);
  }

  @Test
  void answersInOrderComeBackWithTheirSendInstants() {
    IssuedWrites w = new IssuedWrites();
    for (long id = 1; id <= 200; id++) { // past the ring's first size
      w.add(id, id * 10, set(id));
    }
    for (long id = 1; id <= 200; id++) {
      assertEquals(id * 10, w.remove(id));
      assertEquals(set(id), w.removedStatement());
    }
    assertEquals(0, w.size());
  }

  @Test
  void aWriteAnsweredOutOfOrderLeavesTheOlderOnesWaiting() {
    IssuedWrites w = new IssuedWrites();
    for (long id = 1; id <= 5; id++) {
      w.add(id, id * 10, set(id));
    }
    assertEquals(30, w.remove(3)); // committed by a new leader before 1 and 2, sent again, were
    assertEquals(-1, w.remove(3), "answered once");
    assertEquals(4, w.size());
    assertEquals(set(1), w.statement(1), "still waiting, to be sent again");
    assertNull(w.statement(3));
    List<Long> timedOut = new ArrayList<>();
    assertEquals(2, w.expireSentBefore(35, (at, s) -> timedOut.add(at)));
    assertEquals(List.of(10L, 20L), timedOut, "the hole is no write that timed out");
    assertEquals(40, w.remove(4));
    assertEquals(50, w.remove(5));
    assertEquals(0, w.size());
  }
}
