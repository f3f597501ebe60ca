package dev.replsim.sim;

import dev.replsim.metrics.RunResult;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.TimeMode;

/** Runs a scenario with the driver its {@code simulation.time} names: live or virtual. */
public final class Drivers {

  private Drivers() {}

  public static RunResult run(Scenario scenario, RunListener listener) throws RunFailedException {
    return scenario.simulation().time() == TimeMode.VIRTUAL
        ? VirtualRun.run(scenario, listener)
        : LiveRun.run(scenario, listener);
  }
}
