package dev.replsim.safety;

/**
 * Shrinks a failing scenario's fault schedule: removes one fault at a time, keeping each removal
 * after which the scenario still breaks the same invariant, until no single fault can go. What is
 * left is a schedule in which every fault matters (a local minimum, as delta debugging finds).
 */
public final class ScheduleShrinker {

  private final SafetyCheck check;

  public ScheduleShrinker(SafetyCheck check) {
    this.check = check;
  }

  /**
   * The smallest schedule found that still breaks {@code invariant}, with its run.
   *
   * @param failing the scenario's own check, which broke {@code invariant}
   */
  public Shrunk shrink(GeneratedScenario scenario, SafetyCheck.Checked failing, String invariant) {
    GeneratedScenario smallest = scenario;
    SafetyCheck.Checked checked = failing;
    boolean removed = true;
    while (removed) {
      removed = false;
      for (int i = smallest.faults().size() - 1; i >= 0; i--) {
        GeneratedScenario fewer = smallest.without(i);
        SafetyCheck.Checked still = check.check(fewer.text());
        if (still.broken(invariant)) {
          smallest = fewer;
          checked = still;
          removed = true;
        }
      }
    }
    return new Shrunk(smallest, checked);
  }

  /** A shrunk scenario and its run. */
  public record Shrunk(GeneratedScenario scenario, SafetyCheck.Checked checked) {}
}
