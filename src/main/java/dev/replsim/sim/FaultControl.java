package dev.replsim.sim;

import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import java.util.List;

/**
 * Faults fired now rather than from the schedule, by the classroom dashboard: they are carried
 * out by the same code as scheduled ones, and recorded alike in {@code events.jsonl} and
 * {@code summary.json}'s faults. Called only from a decision ({@link #decide}), or, in virtual
 * time, on the thread that runs the run's events.
 */
public interface FaultControl {

  /**
   * Runs {@code decision} where the faults are carried out, after every fault fired before it,
   * so that it sees the run as they left it; a fault it strikes is carried out before anything
   * queued after it. That is the event loop in virtual time (at once, on the caller's thread,
   * which is the loop's), and the injector's own worker in a live run, where carrying out a fault
   * may block. Returns false, running nothing, once the writes have ended.
   */
  boolean decide(Runnable decision);

  /**
   * Fires {@code fault} at the current instant, undone after {@code durationMicros} (0: never);
   * returns it as scheduled: its id ({@code d1}, {@code d2}, ...) and its instant after the start
   * of the writes.
   */
  ScheduledFault strikeNow(Fault fault, long durationMicros);

  /** The ids of the partitions in force now, oldest first: what a heal would heal. */
  List<String> activePartitions();
}
