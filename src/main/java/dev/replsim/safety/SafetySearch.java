package dev.replsim.safety;

import dev.replsim.api.SimulationFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Checks the scenarios of {@code runs} consecutive seeds on {@code parallel} threads, each run on
 * its own (virtual runs share nothing), and reports them in seed order whatever order they finish
 * in, so a search's outcome depends on its seeds alone.
 */
public final class SafetySearch {

  private final SafetyCheck check;
  private final int parallel;

  public SafetySearch(SafetyCheck check, int parallel) {
    this.check = check;
    this.parallel = parallel;
  }

  /** The outcome of one seed: its run and the invariants it broke, or the error that stopped its run. */
  public record Outcome(GeneratedScenario scenario, SafetyCheck.Checked checked, String error) {

    public List<Violation> violations() {
      return checked == null ? List.of() : checked.violations();
    }

    public boolean failed() {
      return error != null || !checked.violations().isEmpty();
    }
  }

  /**
   * Checks seeds {@code firstSeed} to {@code firstSeed + runs - 1}.
   *
   * @param done told the number of runs finished so far after each one
   */
  public List<Outcome> run(long firstSeed, int runs, IntConsumer done) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
      Thread t = new Thread(r, "replsim-safety");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      int[] finished = {0};
      for (int i = 0; i < runs; i++) {
        long seed = firstSeed + i;
        futures.add(pool.submit(() -> {
          Outcome outcome = check(ScenarioGenerator.generate(seed));
          synchronized (finished) {
            done.accept(++finished[0]);
          }
          return outcome;
        }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get());
      }
      return outcomes;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs and checks one generated scenario. */
  public Outcome check(GeneratedScenario scenario) {
    try {
      SafetyCheck.Checked checked = check.check(scenario.text());
      // a run that kept every invariant is not kept: ten thousand runs' histories would fill the heap
      return new Outcome(scenario, checked.violations().isEmpty() ? SafetyCheck.Checked.KEPT : checked, null);
    } catch (SimulationFailedException e) {
      return new Outcome(scenario, null, e.getMessage());
    }
  }
}
