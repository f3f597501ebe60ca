package dev.replsim.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunLoopTest {

  private final RunLoop loop = new RunLoop(new RunClock());

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void timersRunInOrderOfInstantAndNeverEarly() throws Exception {
    long base = loop.clock().nowMicros() + 20_000;
    List<String> ran = new CopyOnWriteArrayList<>();
    List<Long> early = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(4);
    long[] at = {base + 3_000, base, base + 1_000, base + 1_000};
    String[] names = {"last", "first", "second", "third"}; // a tie runs in the order it was set
    for (int i = 0; i < at.length; i++) {
      long when = at[i];
      String name = names[i];
      loop.at(when, () -> {
        long now = loop.clock().nowMicros();
        if (now < when) {
          early.add(when - now);
        }
        ran.add(name);
        done.countDown();
      });
    }

    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertEquals(List.of("first", "second", "third", "last"), ran);
    assertEquals(List.of(), early);
  }

  @Test
  void aCancelledTimerDoesNotRun() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    long at = loop.clock().nowMicros() + 10_000;
    loop.at(at, () -> ran.set(true)).cancel();

    loop.awaitInstant(at + 5_000);

    assertFalse(ran.get());
  }

  @Test
  void tasksAndTimersRunOnTheLoopsOwnThread() throws Exception {
    AtomicReference<String> task = new AtomicReference<>();
    AtomicReference<String> timer = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(2);
    loop.execute(() -> {
      task.set(Thread.currentThread().getName());
      loop.at(loop.clock().nowMicros() + 1_000, () -> { // set from the loop itself
        timer.set(Thread.currentThread().getName());
        done.countDown();
      });
      done.countDown();
    });

    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertEquals("replsim-loop", task.get());
    assertEquals("replsim-loop", timer.get());
  }

  @Test
  void aFailingTaskDoesNotStopTheLoop() throws Exception {
    CountDownLatch after = new CountDownLatch(1);
    Thread.UncaughtExceptionHandler quiet = (t, e) -> { };
    loop.execute(() -> Thread.currentThread().setUncaughtExceptionHandler(quiet));
    loop.execute(() -> {
      throw new IllegalStateException("boom");
    });
    loop.execute(after::countDown);

    assertTrue(after.await(5, TimeUnit.SECONDS));
  }

  @Test
  void tasksHandedOverAfterCloseStillRun() throws Exception {
    loop.close();
    CountDownLatch ran = new CountDownLatch(1);

    loop.execute(ran::countDown); // an ActorSystem still shutting down

    assertTrue(ran.await(5, TimeUnit.SECONDS));
  }
}
