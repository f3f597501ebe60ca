package dev.replsim.scenario;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import java.util.List;
import java.util.Map;

/**
 * Reads the entries of the {@code faults} list that change the workload rather than the cluster:
 * {@code { at = 20s, action = rate, writes = 500, reads = 100 }} (either key or both: per second,
 * across all clients, with the same limits as {@code workload.write-rate} and
 * {@code workload.read-rate}) and {@code { at = 30s, action = clients, running = false }} (the
 * clients stop issuing new operations; {@code running = true} starts them again). A rate with a
 * duration puts the scenario's rates back after it; a stop with a duration starts the clients
 * again after it.
 */
final class WorkloadFaultReader {

  /** These actions and the keys each takes besides the common ones. */
  static final Map<String, List<String>> ACTIONS = Map.of(
      "rate", List.of("writes", "reads"),
      "clients", List.of("running"));

  private static final String WRITES = "a number of writes per second greater than 0, e.g. 500";
  private static final String READS = "a number of reads per second from 0 (none) to 1000000, e.g. 100";
  private static final double MAX_READ_RATE = 1_000_000;

  private WorkloadFaultReader() {}

  /** The fault of a {@code rate} or {@code clients} entry. */
  static Fault read(Fields f, String action) {
    if (action.equals("clients")) {
      if (!f.has("running")) {
        throw f.fail("action", f.key("running") + " is missing: a clients fault stops the clients (running = false)"
            + " or starts them again (running = true)");
      }
      return new Fault.Clients(f.bool("running"));
    }
    if (!f.has("writes") && !f.has("reads")) {
      throw f.fail("action", "a rate fault changes a rate: give it writes, reads or both, e.g. "
          + "{ at = 20s, action = rate, writes = 500 }");
    }
    return new Fault.Rate(f.has("writes") ? writes(f) : null, f.has("reads") ? reads(f) : null);
  }

  private static double writes(Fields f) {
    ConfigValue value = f.raw("writes");
    if (value.valueType() == ConfigValueType.STRING && "unlimited".equals(value.unwrapped())) {
      throw f.bad("writes", "is not a rate a fault can set: clients that write as fast as they can (a closed loop)"
          + " are set by workload.write-rate = unlimited for the whole run; must be " + WRITES);
    }
    double rate = f.number("writes", WRITES);
    if (rate == 0) {
      throw f.bad("writes", "is out of range: must be " + WRITES
          + "; to stop the writes, stop the clients: { action = clients, running = false }");
    }
    f.check(rate > 0, "writes", WRITES);
    return rate;
  }

  private static double reads(Fields f) {
    double rate = f.number("reads", READS);
    f.check(rate >= 0 && rate <= MAX_READ_RATE, "reads", READS);
    return rate;
  }

  /** The rules that tie a workload fault to the scenario's workload; other faults pass. */
  static void check(Fields f, ScheduledFault scheduled, WorkloadSettings workload) {
    Fault fault = scheduled.fault();
    if (fault instanceof Fault.Clients c && c.running() && scheduled.undoes()) {
      throw f.fail("duration", f.key("duration") + " does not go with running = true: a start is not undone;"
          + " give the stop a duration instead, e.g. { action = clients, running = false, duration = 5s }");
    }
    if (!(fault instanceof Fault.Rate rate)) {
      return;
    }
    if (rate.writesPerSec() != null && workload.unlimited()) {
      throw f.bad("writes", "cannot be set: workload.write-rate = unlimited, so clients write as fast as the leader"
          + " answers (a closed loop) and have no write rate to change; set workload.write-rate to a number");
    }
    if (rate.readsPerSec() != null && !workload.reads().enabled()) {
      throw f.bad("reads", "cannot be set: the scenario does not read (workload.read-rate = 0 and no"
          + " read-after-write probes); set workload.read-rate above 0 (it may be lowered to 0 by a rate fault at 0s)");
    }
  }
}
