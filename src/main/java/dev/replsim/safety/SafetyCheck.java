package dev.replsim.safety;

import dev.replsim.api.Result;
import dev.replsim.api.Simulation;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioException;
import dev.replsim.scenario.SettingOverride;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one scenario in virtual time and checks it against every {@link Invariant}. The same
 * overrides (as {@code --set} gives them) go over every scenario checked, e.g. {@code
 * failover.fencing=false} to see what fencing prevents.
 */
public final class SafetyCheck {

  private final List<SettingOverride> overrides;
  private final List<Invariant> invariants;

  public SafetyCheck(List<SettingOverride> overrides) {
    this(overrides, Invariant.all());
  }

  public SafetyCheck(List<SettingOverride> overrides, List<Invariant> invariants) {
    this.overrides = List.copyOf(overrides);
    this.invariants = List.copyOf(invariants);
  }

  /** The simulation as checked: with the overrides, in virtual time. */
  public Simulation prepare(Simulation simulation) {
    for (SettingOverride override : overrides) {
      simulation = simulation.set(override);
    }
    return simulation.virtual();
  }

  /** Checks a generated scenario; see {@link #check(Simulation)}. */
  public Checked check(String scenarioText) {
    return check(Simulation.parse(scenarioText));
  }

  /**
   * Runs the simulation (with the overrides, in virtual time) and checks every invariant.
   *
   * @throws ScenarioException when the scenario (or an override) is not valid
   * @throws dev.replsim.api.SimulationFailedException when the run itself failed
   */
  public Checked check(Simulation simulation) {
    Simulation prepared = prepare(simulation);
    Scenario scenario = prepared.scenario();
    Result result = prepared.run();
    List<Violation> found = new ArrayList<>();
    for (Invariant invariant : invariants) {
      for (String detail : invariant.violations(scenario, result)) {
        found.add(new Violation(invariant.name(), detail));
      }
    }
    return new Checked(result, found);
  }

  /** A run and the invariants it broke, in the order of {@link Invariant#all()} (none: it kept them all). */
  public record Checked(Result result, List<Violation> violations) {

    /** A run that kept every invariant, its result let go. */
    public static final Checked KEPT = new Checked(null, List.of());

    public Checked {
      violations = List.copyOf(violations);
    }

    public boolean broken(String invariant) {
      return violations.stream().anyMatch(v -> v.invariant().equals(invariant));
    }
  }
}
