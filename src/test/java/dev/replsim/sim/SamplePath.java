package dev.replsim.sim;

import dev.replsim.random.DurationSampler;
import dev.replsim.random.SeededStreams;
import dev.replsim.scenario.Scenario;
import dev.replsim.workload.ArrivalProcess;
import dev.replsim.workload.ClientPlan;
import java.util.Arrays;
import java.util.List;

/**
 * A run's own sample path through a single-server FIFO queue, computed exactly (Lindley's
 * recursion) from the seeded draws the run makes: when each write arrives (every client's arrival
 * process, merged) and how long each entry takes to serve. Queueing theory says what an endless
 * run averages; a run of some seconds is one sample of it, off by its own sampling error (at 90%
 * utilisation, about 10% for 50,000 entries). The sample path is what this seed's run should show
 * if the driver emulated the queue exactly, so a test can hold the driver to it tightly and to the
 * theory as loosely as the sample size requires.
 */
final class SamplePath {

  private final long[] arrivals;

  private SamplePath(long[] arrivals) {
    this.arrivals = arrivals;
  }

  /** The write arrivals the scenario's clients draw, from 0 to its duration, in order. */
  static SamplePath of(Scenario scenario) {
    List<ClientPlan> plans = Workload.plans(scenario, new SeededStreams(scenario.simulation().seed()), 0, null);
    long[] all = plans.stream().flatMapToLong(p -> {
      ArrivalProcess process = p.arrivals();
      return java.util.stream.LongStream.iterate(process.next(), at -> at != ArrivalProcess.END,
          at -> process.next());
    }).toArray();
    Arrays.sort(all);
    return new SamplePath(all);
  }

  int arrivals() {
    return arrivals.length;
  }

  /** The mean time from arrival to the end of service, in ms, with services drawn in arrival order. */
  double meanSojournMs(DurationSampler service) {
    long free = Long.MIN_VALUE;
    double total = 0;
    for (long at : arrivals) {
      free = Math.max(at, free) + service.nextMicros();
      total += free - at;
    }
    return total / arrivals.length / 1000;
  }

  /** The same for the service draws of {@code node}'s apply time in the scenario (its first incarnation). */
  double meanApplySojournMs(Scenario scenario, String node) {
    return meanSojournMs(new NodeFactory(scenario).applyTime(node, 1));
  }
}
