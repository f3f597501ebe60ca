package dev.replsim.scenario;

import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.fault.Target;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a fault schedule makes sense in time: a heal finds a partition to heal, a restart
 * finds its node crashed. Only faults that name nodes are checked; selectors are resolved at run
 * time.
 */
final class ScheduleCheck {

  private ScheduleCheck() {}

  /** @param where each fault's fields by id, so an error names the file and line of the fault */
  static void check(List<ScheduledFault> faults, Map<String, Fields> where) {
    Map<String, Long> partitionsUntil = new HashMap<>();
    Map<String, Long> crashedUntil = new HashMap<>();
    List<ScheduledFault> inTime = faults.stream().sorted(Comparator.comparingLong(ScheduledFault::atMicros)).toList();
    for (ScheduledFault f : inTime) {
      long at = f.atMicros();
      partitionsUntil.values().removeIf(until -> until <= at);
      crashedUntil.values().removeIf(until -> until <= at);
      Fault fault = f.fault();
      if (fault instanceof Fault.Partition) {
        partitionsUntil.put(f.id(), f.untilMicros());
      } else if (fault instanceof Fault.Heal) {
        heal(f, (Fault.Heal) fault, partitionsUntil, where.get(f.id()));
      } else if (fault instanceof Fault.Crash && !((Fault.Crash) fault).target().isSelector()) {
        ((Fault.Crash) fault).target().nodes().forEach(n -> crashedUntil.put(n, f.untilMicros()));
      } else if (fault instanceof Fault.Restart && !((Fault.Restart) fault).target().isSelector()) {
        Target target = ((Fault.Restart) fault).target();
        for (String node : target.nodes()) {
          if (crashedUntil.remove(node) == null) {
            throw where.get(f.id()).fail("node", String.format(
                "%s restarts %s at %s, but %s is not crashed then (crash it before, without a duration)",
                where.get(f.id()).key("node").replace(".node", ""), node, ms(at), node));
          }
        }
      }
    }
  }

  private static void heal(ScheduledFault f, Fault.Heal heal, Map<String, Long> partitionsUntil, Fields where) {
    String fault = where.key("action").replace(".action", "");
    if (heal.partition() == null) {
      if (partitionsUntil.isEmpty()) {
        throw where.fail("action", String.format(
            "%s heals at %s, but no partition is active then: there is nothing to heal", fault, ms(f.atMicros())));
      }
      partitionsUntil.clear();
    } else if (partitionsUntil.remove(heal.partition()) == null) {
      throw where.fail("partition", String.format(
          "%s heals partition %s at %s, but no partition of that name is active then (active: %s)",
          fault, heal.partition(), ms(f.atMicros()),
          partitionsUntil.isEmpty() ? "none" : String.join(", ", partitionsUntil.keySet())));
    }
  }

  private static String ms(long micros) {
    return micros % 1_000_000 == 0 ? micros / 1_000_000 + "s" : micros / 1000.0 + "ms";
  }
}
