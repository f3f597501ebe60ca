package dev.replsim.scenario;

/**
 * {@code simulation.time}: which clock and scheduler drive a run. Both run the same protocol core;
 * they differ in how time passes.
 */
public enum TimeMode {
  /** The real Pekko cluster in real time. */
  LIVE,
  /** Discrete events in virtual time, on one thread: deterministic, the same seed gives the same run. */
  VIRTUAL
}
