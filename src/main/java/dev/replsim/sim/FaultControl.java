package dev.replsim.sim;

import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import java.util.List;

/**
 * Faults fired now rather than from the schedule, by the classroom dashboard: they are carried
 * out by the same code as scheduled ones, and recorded alike in {@code events.jsonl} and
 * {@code summary.json}'s faults. Called on the thread that runs the run's events.
 */
public interface FaultControl {

  /**
   * Fires {@code fault} at the current instant, undone after {@code durationMicros} (0: never);
   * returns it as scheduled: its id ({@code d1}, {@code d2}, ...) and its instant after the start
   * of the writes.
   */
  ScheduledFault strikeNow(Fault fault, long durationMicros);

  /** The ids of the partitions in force now, oldest first: what a heal would heal. */
  List<String> activePartitions();
}
