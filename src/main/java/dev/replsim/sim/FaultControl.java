package dev.replsim.sim;

import dev.replsim.fault.Fault;

/**
 * Faults fired now rather than from the schedule, by the classroom dashboard: they are carried
 * out by the same code as scheduled ones, and recorded alike in {@code events.jsonl} and
 * {@code summary.json}'s faults. Called on the thread that runs the run's events.
 */
public interface FaultControl {

  /**
   * Fires {@code fault} at the current instant, undone after {@code durationMicros} (0: never);
   * returns its id ({@code d1}, {@code d2}, ...).
   */
  String strikeNow(Fault fault, long durationMicros);
}
