package dev.replsim.dashboard;

import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.SummaryBuilder;
import dev.replsim.scenario.ReplicationSettings;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.WorkloadSettings;
import java.util.Map;

/**
 * What the cluster and its clients are set to now, as the dashboard's controls show it: the
 * scenario's settings, then every {@code commit}, {@code method}, {@code rate} and {@code clients}
 * fault in {@code events.jsonl} over them, whether the page or the schedule fired it. Immutable.
 *
 * @param acks semi-sync: how many standbys must ack
 * @param writeRate writes per second, all clients together; null when unlimited (a closed loop)
 * @param readRate reads per second, all clients together
 */
public record DemoSettings(String mode, int acks, String method, Double writeRate, double readRate,
    boolean clientsRunning) {

  /** The scenario's own settings. */
  static DemoSettings of(Scenario scenario) {
    ReplicationSettings r = scenario.cluster().replication();
    WorkloadSettings w = scenario.workload();
    return new DemoSettings(SummaryBuilder.kebab(r.mode()), r.acks(), SummaryBuilder.kebab(r.method()),
        w.unlimited() ? null : w.writeRate(), w.reads().enabled() ? w.reads().rate() : 0, true);
  }

  /** The settings after {@code e}; itself when {@code e} changes none of them. */
  DemoSettings after(RunEvent e, DemoSettings scenario) {
    Map<String, Object> d = e.details();
    Object action = d.get("action");
    if (e.type().equals("heal")) { // a rate or a stop with a duration is over: the scenario's rates come back
      if ("rate".equals(action)) {
        return new DemoSettings(mode, acks, method, scenario.writeRate, scenario.readRate, clientsRunning);
      }
      return "clients".equals(action) ? new DemoSettings(mode, acks, method, writeRate, readRate, true) : this;
    }
    if (!e.type().equals("fault") || action == null) {
      return this;
    }
    switch (action.toString()) {
      case "commit":
        return new DemoSettings(String.valueOf(d.get("mode")), ((Number) d.get("acks")).intValue(), method,
            writeRate, readRate, clientsRunning);
      case "method":
        return new DemoSettings(mode, acks, String.valueOf(d.get("method")), writeRate, readRate, clientsRunning);
      case "rate":
        return new DemoSettings(mode, acks, method,
            d.containsKey("writes") ? ((Number) d.get("writes")).doubleValue() : writeRate,
            d.containsKey("reads") ? ((Number) d.get("reads")).doubleValue() : readRate, clientsRunning);
      case "clients":
        return new DemoSettings(mode, acks, method, writeRate, readRate, Boolean.TRUE.equals(d.get("running")));
      default:
        return this;
    }
  }
}
