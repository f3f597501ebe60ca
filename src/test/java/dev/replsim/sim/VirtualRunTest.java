package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replsim.metrics.OutputWriter;
import dev.replsim.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A virtual run depends on its scenario and seed alone: run twice, it writes the same files byte
 * for byte, faults, failovers, lost writes and the clients' history included; another seed gives
 * another run. What the run cost its host is kept apart, in {@code run.json}.
 */
class VirtualRunTest {

  /** The files that depend on the scenario and seed alone: all but {@code run.json}. */
  private static final List<String> SEEDED_FILES = List.of(OutputWriter.SUMMARY, OutputWriter.EVENTS,
      OutputWriter.TIMESERIES, OutputWriter.HISTORY, OutputWriter.READS, OutputWriter.MESSAGES, OutputWriter.LATENCY,
      OutputWriter.SCENARIO);

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /**
   * nemesis.conf with elections and reads: with seed 2 the nemesis partitions the leader off (two
   * failovers, acknowledged writes lost), then slows, pauses and slows followers.
   */
  private static Scenario nemesis(int seed) throws Exception {
    return VirtualRuns.load(Path.of("simulations/nemesis.conf"), "simulation.seed=" + seed,
        "failover.strategy=election", "workload.read-rate=200");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nemesis", "failover-async-loses-writes", "crash-recovery"})
  void theSameSeedWritesTheSameFilesByteForByte(String name) throws Exception {
    Scenario scenario = name.equals("nemesis") ? nemesis(2)
        : VirtualRuns.load(Path.of("simulations", name + ".conf"), "workload.read-rate=200");

    Path first = VirtualRuns.runInto(tmp, "first", scenario);
    Path second = VirtualRuns.runInto(tmp, "second", scenario);

    for (String file : SEEDED_FILES) {
      assertTrue(Files.exists(first.resolve(file)), name + " wrote " + file);
      assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)),
          name + ": " + file + " differs between two runs of the same seed");
    }
    JsonNode summary = JSON.readTree(first.resolve(OutputWriter.SUMMARY).toFile());
    assertFalse(summary.path("faults").isEmpty(), "faults struck: " + summary.path("faults"));
    assertTrue(summary.path("reads").path("total").asLong() > 0);
    if (!name.equals("crash-recovery")) {
      assertFalse(summary.path("failovers").isEmpty(), "the leader failed over");
      assertTrue(summary.path("writes").path("lost").asLong() > 0, "acknowledged writes lost");
    } else {
      JsonNode recovery = summary.path("recoveries").path(0);
      assertTrue(recovery.path("recoveredLsn").asLong() > 0 && recovery.path("entriesReplayed").asLong() > 0,
          "a follower recovered what its modelled journal had made durable: " + recovery);
    }
  }

  @Test
  void anotherSeedGivesAnotherRun() throws Exception {
    Path two = VirtualRuns.runInto(tmp, "seed-2", nemesis(2));
    Path three = VirtualRuns.runInto(tmp, "seed-3", nemesis(3));

    JsonNode a = JSON.readTree(two.resolve(OutputWriter.SUMMARY).toFile());
    JsonNode b = JSON.readTree(three.resolve(OutputWriter.SUMMARY).toFile());
    assertEquals(2, a.path("scenario").path("seed").asLong());
    assertEquals(3, b.path("scenario").path("seed").asLong());
    ((ObjectNode) b.path("scenario")).put("seed", 2);
    assertFalse(a.equals(b), "beyond the seed itself, the summaries differ");
    assertFalse(a.path("faults").equals(b.path("faults")), "the nemesis drew other faults");
    assertFalse(a.path("writes").equals(b.path("writes")), "other arrivals: " + a.path("writes"));
  }

  @Test
  void theSummarySaysVirtualWithoutHostFiguresAndRunJsonHasThem() throws Exception {
    Path dir = VirtualRuns.runInto(tmp, "run", nemesis(2));

    JsonNode run = JSON.readTree(dir.resolve(OutputWriter.SUMMARY).toFile()).path("run");
    assertEquals("virtual", run.path("driver").asText());
    for (String hostFigure : List.of("startupMs", "warmUpMs", "peakHeapBytes", "checkMs")) {
      assertTrue(run.path(hostFigure).isNumber() && run.path(hostFigure).asDouble() == 0,
          hostFigure + " in summary.json: " + run);
    }
    assertEquals(20_000, run.path("writeMs").asDouble(), "simulated, exactly the duration");
    assertTrue(run.path("drained").asBoolean());

    JsonNode host = JSON.readTree(dir.resolve(OutputWriter.HOST).toFile());
    assertEquals("virtual", host.path("driver").asText());
    double wallMs = host.path("wallMs").asDouble();
    double simulatedMs = host.path("simulatedMs").asDouble();
    assertTrue(wallMs > 0, host.toString());
    assertTrue(simulatedMs >= run.path("writeMs").asDouble() + run.path("drainMs").asDouble(),
        "the simulated time covers the writes and the drain: " + host);
    assertEquals(simulatedMs / wallMs, host.path("speedUp").asDouble(), 0.05 * simulatedMs / wallMs + 0.1);
    assertTrue(host.path("events").asLong() > 0 && host.path("eventsPerSec").asDouble() > 0, host.toString());
    assertTrue(host.path("peakHeapBytes").asLong() > 0, host.toString());
  }
}
