package dev.replsim.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchTest {

  @Test
  void outcomesComeInTheOrderOfTheJobsWhateverOrderTheyFinishIn() throws Exception {
    CountDownLatch secondHeard = new CountDownLatch(1);
    List<Batch.Job<String>> jobs = List.of(
        new Batch.Job<>("first", () -> {
          // finishes only once the listener has heard of the second job: the second finishes first
          assertTrue(secondHeard.await(10, TimeUnit.SECONDS), "the second job ran beside the first");
          return "a";
        }),
        new Batch.Job<>("second", () -> "b"));
    List<String> heard = new ArrayList<>();
    List<Batch.Outcome<String>> outcomes = Batch.run(jobs, 2, new Batch.Listener() {
      @Override
      public void finished(Batch.Outcome<?> outcome, int done, int failed) {
        heard.add(outcome.id() + " " + done + "/" + failed);
        if (outcome.id().equals("second")) {
          secondHeard.countDown();
        }
      }
    });
    assertEquals(List.of("a", "b"), outcomes.stream().map(Batch.Outcome::value).toList());
    assertEquals(List.of("second 1/0", "first 2/0"), heard, "the listener hears them as they finish");
  }

  @Test
  void aFailingJobIsRecordedAndTheOthersGoOn() throws Exception {
    List<Batch.Job<Integer>> jobs = List.of(
        new Batch.Job<>("ok", () -> 1),
        new Batch.Job<>("broken", () -> {
          throw new IllegalStateException("no cluster");
        }),
        new Batch.Job<>("ok too", () -> 3));
    int[] lastFailed = new int[1];
    List<Batch.Outcome<Integer>> outcomes = Batch.run(jobs, 1, new Batch.Listener() {
      @Override
      public void finished(Batch.Outcome<?> outcome, int done, int failed) {
        lastFailed[0] = failed;
      }
    });
    assertEquals(1, outcomes.get(0).value());
    assertTrue(outcomes.get(1).failed());
    assertNull(outcomes.get(1).value());
    assertEquals("no cluster", outcomes.get(1).failure().getMessage());
    assertEquals(3, outcomes.get(2).value());
    assertEquals(1, lastFailed[0]);
  }

  @Test
  void anEmptyBatchReturnsNothing() throws Exception {
    assertTrue(Batch.run(List.<Batch.Job<String>>of(), 4, Batch.SILENT).isEmpty());
  }
}
