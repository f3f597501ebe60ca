package dev.replsim.sim.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The virtual driver's event loop: exact instants, a fixed order, and no time that stands still. */
class EventLoopTest {

  private final EventLoop loop = new EventLoop();
  private final List<String> ran = new ArrayList<>();

  private Runnable note(String what) {
    return () -> ran.add(what + "@" + loop.nowMicros());
  }

  @Test
  void eventsRunAtTheirInstantInTheOrderSetAndTheClockStopsWhereAsked() {
    loop.at(30, note("c"));
    loop.at(10, note("a"));
    loop.at(10, note("b"));
    loop.runUntil(25);
    assertEquals(List.of("a@10", "b@10"), ran);
    assertEquals(25, loop.nowMicros());
    loop.at(5, note("late")); // an instant already past means now
    loop.runUntil(100);
    assertEquals(List.of("a@10", "b@10", "late@25", "c@30"), ran);
    assertEquals(100, loop.nowMicros());
    assertEquals(4, loop.events());
  }

  @Test
  void anEventSetForNowRunsAfterThoseAlreadyDueNowAndBeforeLaterOnes() {
    loop.at(10, () -> {
      ran.add("first@" + loop.nowMicros());
      loop.execute(note("posted"));
    });
    loop.at(10, note("second"));
    loop.at(11, note("later"));
    loop.runUntil(20);
    assertEquals(List.of("first@10", "second@10", "posted@10", "later@11"), ran);
  }

  @Test
  void aCancelledEventDoesNotRun() {
    dev.replsim.clock.Scheduler.Timer t = loop.at(10, note("cancelled"));
    loop.at(10, note("kept"));
    t.cancel();
    loop.runUntil(10);
    assertEquals(List.of("kept@10"), ran);
  }

  @Test
  void aCycleThatTakesNoTimeIsStoppedWithAMessageThatSaysWhy() {
    EventLoop stuck = new EventLoop(1000);
    Runnable[] again = new Runnable[1];
    again[0] = () -> stuck.execute(again[0]);
    stuck.at(2_000_000, again[0]);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> stuck.runUntil(3_000_000));
    assertTrue(e.getMessage().startsWith("virtual time stands still at 2.000 s: 1,000 events ran at that one"
        + " instant"), e.getMessage());
    assertTrue(e.getMessage().contains("give the workload a write-rate"), e.getMessage());
  }

  @Test
  void manyEventsAtOneInstantAreFineWhenTimeMovesOn() {
    EventLoop busy = new EventLoop(1000);
    for (int i = 0; i < 900; i++) {
      busy.at(5, () -> { });
    }
    for (int i = 0; i < 900; i++) {
      busy.at(6, () -> { });
    }
    busy.runUntil(10);
    assertEquals(1800, busy.events());
    assertFalse(busy.runNext(), "nothing left");
  }
}
