package dev.replsim.cli;

import dev.replsim.scenario.Scenario;
import dev.replsim.sim.RunFailedException;
import dev.replsim.sim.RunListener;
import dev.replsim.metrics.RunResult;

/**
 * Runs a scenario to the end: {@code Drivers::run} in the shipped CLI (live or virtual, as the scenario says), a fake with a canned result
 * in tests, so the command line can be tested without a cluster.
 */
@FunctionalInterface
public interface ScenarioRunner {

  RunResult run(Scenario scenario, RunListener listener) throws RunFailedException;
}
