package dev.replsim.safety;

import dev.replsim.api.SimulationFailedException;
import dev.replsim.batch.Batch;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the scenarios of {@code runs} consecutive seeds on {@code parallel} threads (a {@link
 * Batch}: virtual runs share nothing), and reports them in seed order whatever order they finish
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
   * @param progress told of each run as it finishes, with the number of runs so far that broke an
   *     invariant or failed
   */
  public List<Outcome> run(long firstSeed, int runs, Batch.Listener progress) throws InterruptedException {
    List<Batch.Job<Outcome>> jobs = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long seed = firstSeed + i;
      jobs.add(new Batch.Job<>("seed " + seed, () -> check(ScenarioGenerator.generate(seed))));
    }
    int[] broken = {0};
    Batch.Listener counting = new Batch.Listener() {
      @Override
      public void started(int jobs, int threads) {
        progress.started(jobs, threads);
      }

      @Override
      public void finished(Batch.Outcome<?> outcome, int done, int failed) {
        if (outcome.failed() || ((Outcome) outcome.value()).failed()) {
          broken[0]++;
        }
        progress.finished(outcome, done, broken[0]);
      }
    };
    List<Outcome> outcomes = new ArrayList<>();
    for (Batch.Outcome<Outcome> o : Batch.run(jobs, parallel, counting)) {
      outcomes.add(o.failed() ? new Outcome(ScenarioGenerator.generate(firstSeed + outcomes.size()), null,
          String.valueOf(o.failure())) : o.value());
    }
    return outcomes;
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
