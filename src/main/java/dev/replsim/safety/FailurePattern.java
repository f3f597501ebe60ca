package dev.replsim.safety;

import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.scenario.Scenario;
import java.util.List;

/**
 * What a scenario's fault schedule assumes of its failures. Guarantees such as semi-sync's hold
 * only against one failure at a time: a fault (any but a slower applier) must be undone, and the
 * cluster given {@link #RECOVERY_MICROS} to recover (a restarted node to catch up, a new leader to
 * settle), before the next fault strikes.
 */
public final class FailurePattern {

  /** Time after a fault is undone before another counts as a separate failure. */
  public static final long RECOVERY_MICROS = 2_000_000;

  private FailurePattern() {}

  /** Whether the scenario strikes with at most one fault at a time, each undone and recovered from. */
  public static boolean oneAtATime(Scenario scenario) {
    List<ScheduledFault> faults = scenario.faults();
    long free = Long.MIN_VALUE;
    for (int i = 0; i < faults.size(); i++) {
      ScheduledFault f = faults.get(i);
      Fault fault = f.fault();
      if (fault instanceof Fault.Slow || fault instanceof Fault.Restart || fault instanceof Fault.Heal) {
        continue;
      }
      if (f.atMicros() < free) {
        return false;
      }
      long undone = f.undoes() ? f.untilMicros() : undoneAt(faults, i);
      if (undone == Long.MAX_VALUE) {
        return false;
      }
      free = undone + RECOVERY_MICROS;
    }
    return true;
  }

  /** When a fault without a duration is undone: by the next restart (a crash) or heal (a partition). */
  private static long undoneAt(List<ScheduledFault> faults, int index) {
    Fault fault = faults.get(index).fault();
    for (ScheduledFault later : faults.subList(index + 1, faults.size())) {
      if (fault instanceof Fault.Crash && later.fault() instanceof Fault.Restart
          || fault instanceof Fault.Partition && later.fault() instanceof Fault.Heal) {
        return later.atMicros();
      }
    }
    return Long.MAX_VALUE;
  }
}
