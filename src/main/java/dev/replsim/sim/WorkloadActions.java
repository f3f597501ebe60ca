package dev.replsim.sim;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.scenario.Scenario;
import dev.replsim.workload.WorkloadChange;
import java.util.List;
import java.util.Map;

/**
 * What the faults that change the workload do to the clients: a {@code rate} fault gives every
 * client its share of the new total rates, a {@code clients} fault stops or starts them. Each
 * change takes effect at the instant the fault (or its undoing) was due, not when the worker got
 * to it, so arrivals chain from that instant. Undoing a rate puts back the scenario's own rates;
 * undoing a stop starts the clients again, as does a start, which ends the stops in force.
 */
final class WorkloadActions {

  private final Scenario scenario;
  private final ClusterControl cluster;

  WorkloadActions(Scenario scenario, ClusterControl cluster) {
    this.scenario = scenario;
    this.cluster = cluster;
  }

  FaultActions.Applied apply(ScheduledFault scheduled, FaultInjector injector) {
    long at = injector.runInstant(scheduled.atMicros());
    if (scheduled.fault() instanceof Fault.Rate rate) {
      cluster.changeWorkload(perClient(rate, at));
      Fault.Rate own = new Fault.Rate(rate.writesPerSec() == null ? null : scenario.workload().writeRate(),
          rate.readsPerSec() == null ? null : scenario.workload().reads().rate());
      Runnable undo = scheduled.undoes() ? () -> cluster.changeWorkload(perClient(own, undoneAt(scheduled, injector)))
          : null;
      return new FaultActions.Applied(List.of(), undo, false, rates(rate));
    }
    boolean running = ((Fault.Clients) scheduled.fault()).running();
    if (running) {
      injector.activeOf(Fault.Clients.class).forEach(id -> injector.heal(id, scheduled.id()));
      cluster.changeWorkload(new WorkloadChange.Issuing(at, true));
      return new FaultActions.Applied(List.of(), null, false, details("running", true));
    }
    cluster.changeWorkload(new WorkloadChange.Issuing(at, false));
    return new FaultActions.Applied(List.of(),
        () -> cluster.changeWorkload(new WorkloadChange.Issuing(undoneAt(scheduled, injector), true)), false,
        details("running", false));
  }

  /** Each client's share of the total rates. */
  private WorkloadChange perClient(Fault.Rate rate, long atMicros) {
    int clients = scenario.workload().clients();
    return new WorkloadChange.Rates(atMicros, rate.writesPerSec() == null ? null : rate.writesPerSec() / clients,
        rate.readsPerSec() == null ? null : rate.readsPerSec() / clients);
  }

  /**
   * When an undoing takes effect: when its duration ran out (a live timer may be handled a little
   * later), or now if it is undone before that (at the end of the writes, or by a start).
   */
  private static long undoneAt(ScheduledFault scheduled, FaultInjector injector) {
    long now = injector.nowMicros();
    return scheduled.undoes() ? Math.min(now, injector.runInstant(scheduled.untilMicros())) : now;
  }

  private static Map<String, Object> rates(Fault.Rate rate) {
    Map<String, Object> details = details();
    if (rate.writesPerSec() != null) {
      details.put("writes", rate.writesPerSec());
    }
    if (rate.readsPerSec() != null) {
      details.put("reads", rate.readsPerSec());
    }
    return details;
  }
}
