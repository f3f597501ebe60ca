package dev.replsim.sim;

import dev.replsim.random.SeededStreams;
import dev.replsim.scenario.WorkloadSettings;
import dev.replsim.workload.ArrivalProcess;
import dev.replsim.workload.Client;
import dev.replsim.workload.KeyChooser;
import dev.replsim.workload.StatementChooser;
import java.util.ArrayList;
import java.util.List;

/** Turns the workload section into one plan per client, each drawing from its own seeded streams. */
final class Workload {

  private Workload() {}

  static List<Client.Plan> plans(WorkloadSettings w, SeededStreams streams, long startMicros) {
    List<Client.Plan> plans = new ArrayList<>();
    for (int i = 1; i <= w.clients(); i++) {
      String name = "client-" + i;
      ArrivalProcess arrivals = w.unlimited()
          ? null
          : new ArrivalProcess(w.arrival(), w.writeRate() / w.clients(), startMicros,
              streams.stream(name + ":arrivals"));
      KeyChooser keys = new KeyChooser(w.keyDistribution(), w.keys(), w.zipfExponent(), streams.stream(name + ":keys"));
      StatementChooser statements = new StatementChooser(w.statements(), streams.stream(name + ":statements"));
      plans.add(new Client.Plan("c" + i, arrivals, keys, w.valueSize(), w.maxOutstanding(), statements,
          w.writeTimeout().toNanos() / 1000));
    }
    return plans;
  }
}
