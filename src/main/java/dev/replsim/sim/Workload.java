package dev.replsim.sim;

import dev.replsim.metrics.HistoryRecorder;
import dev.replsim.protocol.ElectionSettings;
import dev.replsim.random.SeededStreams;
import dev.replsim.scenario.ReadSettings;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.WorkloadSettings;
import dev.replsim.workload.ArrivalProcess;
import dev.replsim.workload.ClientPlan;
import dev.replsim.workload.KeyChooser;
import dev.replsim.workload.ReadRouter;
import dev.replsim.workload.Session;
import dev.replsim.workload.StatementChooser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the workload section into one plan per client, each drawing from its own seeded streams.
 * Reads draw from streams of their own, so adding reads to a scenario leaves its writes as they were.
 */
final class Workload {

  private Workload() {}

  /**
   * @param startMicros when the clients start, on the run clock; they write for the scenario's duration
   * @param history where clients record their operations, or null to record none
   */
  static List<ClientPlan> plans(Scenario scenario, SeededStreams streams, long startMicros, HistoryRecorder history) {
    return plans(scenario, streams, startMicros, startMicros + NodeFactory.micros(scenario.simulation().duration()),
        scenario.workload().writeRate(), history);
  }

  /**
   * Plans for clients writing at {@code writeRate} (per second, all clients together; ignored in
   * a closed loop) from {@code startMicros} until {@code endMicros}.
   */
  static List<ClientPlan> plans(Scenario scenario, SeededStreams streams, long startMicros, long endMicros,
      double writeRate, HistoryRecorder history) {
    WorkloadSettings w = scenario.workload();
    List<ClientPlan> plans = new ArrayList<>();
    for (int i = 1; i <= w.clients(); i++) {
      String name = "client-" + i;
      ArrivalProcess arrivals = w.unlimited()
          ? null
          : new ArrivalProcess(w.arrival(), writeRate / w.clients(), startMicros, endMicros,
              streams.stream(name + ":arrivals"));
      KeyChooser keys = new KeyChooser(w.keyDistribution(), w.keys(), w.zipfExponent(), streams.stream(name + ":keys"));
      StatementChooser statements = new StatementChooser(w.statements(), streams.stream(name + ":statements"));
      String client = "c" + i;
      plans.add(new ClientPlan(client, arrivals, keys, w.valueSize(), w.maxOutstanding(), statements,
          NodeFactory.micros(w.writeTimeout()), scenario.leader(), readPlan(scenario, name, streams, startMicros, endMicros),
          history == null ? null : history.client(client),
          scenario.failover().election().strategy() != ElectionSettings.Strategy.NONE));
    }
    return plans;
  }

  private static ClientPlan.ReadPlan readPlan(Scenario scenario, String name, SeededStreams streams,
      long startMicros, long endMicros) {
    WorkloadSettings w = scenario.workload();
    ReadSettings r = w.reads();
    if (!r.enabled()) {
      return null;
    }
    // at read-rate 0 (probes only) the process starts idle: a rate fault may start it mid-run
    ArrivalProcess arrivals = new ArrivalProcess(w.arrival(), r.rate() / w.clients(), startMicros, endMicros,
        streams.stream(name + ":read-arrivals"));
    KeyChooser keys = new KeyChooser(w.keyDistribution(), w.keys(), w.zipfExponent(),
        streams.stream(name + ":read-keys"));
    List<String> followers = r.from() == ReadSettings.ReadFrom.NEAREST ? nearestFirst(scenario) : scenario.followers();
    ReadRouter router = new ReadRouter(r.from(), r.followerChoice(), scenario.leader(), followers,
        streams.stream(name + ":read-route"));
    return new ClientPlan.ReadPlan(arrivals, keys, router, new Session(r.guarantee()),
        NodeFactory.micros(r.sessionTimeout()), r.readAfterWrite() ? NodeFactory.micros(r.readAfterWriteDelay()) : -1);
  }

  /**
   * The followers by the mean delay of their link from the leader, shortest first (ties in node
   * order): clients sit beside the leader, so the first is the freshest on average.
   */
  static List<String> nearestFirst(Scenario scenario) {
    List<String> followers = new ArrayList<>(scenario.followers());
    followers.sort(Comparator.comparingDouble(
        f -> scenario.network().profile(scenario.leader(), f).delay().meanMicros()));
    return followers;
  }
}
