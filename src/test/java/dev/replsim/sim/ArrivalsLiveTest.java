package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replsim.metrics.Summary;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An open-loop client on a real cluster issues exactly the writes its seeded Poisson process draws
 * in the run's duration, however busy the machine: each arrival follows the one <em>due</em> before
 * it, so a timer handled late delays that one write, not every later one. (Chained on when each
 * timer was handled, a 20,000 writes/s process issues fewer writes than it draws.)
 */
class ArrivalsLiveTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} writes/s")
  @ValueSource(ints = {200, 2_000, 20_000})
  void aPoissonOpenLoopIssuesExactlyTheArrivalsItDraws(int rate) throws Exception {
    Path file = dir.resolve("arrivals.conf");
    Files.writeString(file, String.join("\n",
        "simulation { name = arrivals, seed = 3, duration = 3s, sample-interval = 1s }",
        "cluster.followers = 1",
        "network.delay = { distribution = constant, value = 1ms }",
        "workload { clients = 4, write-rate = " + rate + ", arrival = poisson }",
        ""));
    Scenario scenario = ScenarioLoader.load(file);

    Summary s = LiveRun.run(scenario, RunListener.SILENT).summary();

    assertEquals(SamplePath.of(scenario).arrivals(), s.writes().attempted(), "writes issued: " + s.writes());
    assertEquals(s.writes().attempted(), s.writes().acknowledged());
  }
}
