package dev.replsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QueueArrivalsTest {

  private final QueueArrivals queue = new QueueArrivals();

  @Test
  void eachEntryJoinedWithTheRunThatBroughtIt() {
    queue.joined(3, 100);
    queue.joined(3, 150); // nothing new
    queue.joined(5, 200);

    assertEquals(100, queue.joinedAt(1));
    assertEquals(100, queue.joinedAt(3));
    assertEquals(200, queue.joinedAt(4));
    assertEquals(200, queue.joinedAt(5));
    assertEquals(Long.MIN_VALUE, queue.joinedAt(6));
  }

  @Test
  void manyRunsAreKeptInOrder() {
    for (int i = 1; i <= 100; i++) {
      queue.joined(i, i * 10L);
    }
    for (int i = 1; i <= 100; i++) {
      assertEquals(i * 10L, queue.joinedAt(i));
    }
  }

  @Test
  void entriesCutFromTheLogJoinAnewWhenTheirLsnsAreReused() {
    queue.joined(2, 100);
    queue.joined(6, 200);
    queue.joined(9, 300);

    queue.cutAfter(4);
    queue.joined(7, 400);

    assertEquals(100, queue.joinedAt(2));
    assertEquals(200, queue.joinedAt(4), "entries up to the cut keep when they joined");
    assertEquals(400, queue.joinedAt(5));
    assertEquals(400, queue.joinedAt(7));
  }

  @Test
  void cuttingAtARunsEndKeepsThatRunWhole() {
    queue.joined(2, 100);
    queue.joined(6, 200);

    queue.cutAfter(2);
    queue.joined(3, 300);

    assertEquals(100, queue.joinedAt(2));
    assertEquals(300, queue.joinedAt(3));
  }
}
