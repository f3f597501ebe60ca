package dev.replsim.sim;

import dev.replsim.scenario.Scenario;

/**
 * The live driver: one ActorSystem per node in this JVM, all in one Pekko Cluster over Artery on
 * 127.0.0.1, running in real time.
 */
public final class LiveRun {

  private LiveRun() {}

  /** Runs the scenario to the end and returns what it measured. */
  public static RunResult run(Scenario scenario, RunListener listener) throws RunFailedException {
    throw new RunFailedException("not implemented yet");
  }
}
