package dev.replsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replsim.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void summaryJsonHasEveryMemberOfTheOutputContract() throws IOException {
    OutputWriter.write(dir, TestRuns.scenario(), TestRuns.result());
    JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());

    assertMembers(summary, "scenario", "cluster", "writes", "commitLatencyMs", "lag", "reads", "failovers",
        "convergence", "network", "replication");
    assertMembers(summary.get("scenario"), "name", "file", "seed", "durationMs");
    assertMembers(summary.get("cluster"), "nodes", "leader", "method", "mode");
    assertMembers(summary.get("writes"), "attempted", "acknowledged", "failed", "lost");
    assertMembers(summary.get("commitLatencyMs"), "count", "mean", "p50", "p90", "p99", "max");
    JsonNode follower = summary.get("lag").get("follower-2");
    assertMembers(follower, "applyMs", "receiveMs", "durableMs", "maxEntriesBehind", "maxBytesBehind");
    for (String stats : List.of("applyMs", "receiveMs", "durableMs")) {
      assertMembers(follower.get(stats), "mean", "p50", "p90", "p99", "max");
    }
    assertMembers(follower.get("postgres"), "writeLagMs", "flushLagMs", "replayLagMs", "sentLsnBytes",
        "writeLsnBytes", "flushLsnBytes", "replayLsnBytes");
    assertMembers(follower.get("mysql"), "secondsBehindSource", "maxSecondsBehindSource");
    assertMembers(summary.get("replication"), "method", "bytesPerWrite", "shippedBytesPerWrite", "fullPageImages");
    assertMembers(summary.get("reads"), "total", "stale", "readYourWritesViolations", "monotonicReadViolations",
        "consistentPrefixViolations");
    assertMembers(summary.get("failovers").get(0), "atMs", "oldLeader", "newLeader", "term", "detectionMs",
        "unavailableMs", "lostWrites");
    assertMembers(summary.get("convergence"), "converged", "divergentNodes", "refusedNodes");
    assertMembers(summary.get("network"), "sent", "delivered", "dropped", "duplicated", "bytes");
  }

  @Test
  void summaryJsonKeepsTheRecordsMemberOrder() throws IOException {
    OutputWriter.write(dir, TestRuns.scenario(), TestRuns.result());
    JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());

    List<String> expected = Arrays.stream(Summary.class.getRecordComponents()).map(c -> c.getName()).toList();
    List<String> actual = new ArrayList<>();
    summary.fieldNames().forEachRemaining(actual::add);
    assertEquals(expected, actual);
  }

  @Test
  void summaryJsonWritesTimesAsPlainNumbers() throws IOException {
    OutputWriter.write(dir, TestRuns.scenario(), TestRuns.result());
    String text = Files.readString(dir.resolve("summary.json"));
    JsonNode summary = JSON.readTree(text);

    assertTrue(summary.get("commitLatencyMs").get("p50").isNumber());
    assertEquals(60.5, summary.get("commitLatencyMs").get("p50").asDouble());
    assertEquals(10_500.25, summary.get("failovers").get(0).get("atMs").asDouble());
    assertTrue(text.contains("\"writeMs\": 20000.0"), text);
    assertFalse(text.matches("(?s).*\\d[eE][+-]?\\d.*"), "no exponent notation");
  }

  @Test
  void timeseriesCsvIsTidyLongFormat() throws IOException {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY); // a comma decimal separator must not leak into the CSV
    try {
      OutputWriter.write(dir, TestRuns.scenario(), TestRuns.result());
    } finally {
      Locale.setDefault(before);
    }
    List<String> lines = Files.readAllLines(dir.resolve("timeseries.csv"));

    assertEquals("t_ms,node,metric,value", lines.get(0));
    assertEquals(List.of(
        "100,follower-1,apply_lag_ms,30.25",
        "100,follower-2,entries_behind,12",
        "200,leader,writes_per_sec,12345678.5"), lines.subList(1, lines.size()));
    for (String row : lines.subList(1, lines.size())) {
      String[] fields = row.split(",", -1);
      assertEquals(4, fields.length, row);
      Double.parseDouble(fields[0]);
      Double.parseDouble(fields[3]);
    }
  }

  @Test
  void eventsJsonlHasOneObjectPerLineWithFixedMembersFirst() throws IOException {
    OutputWriter.write(dir, TestRuns.scenario(), TestRuns.result());
    List<String> lines = Files.readAllLines(dir.resolve("events.jsonl"));

    assertEquals(3, lines.size());
    for (String line : lines) {
      JsonNode event = JSON.readTree(line);
      assertTrue(event.isObject(), line);
      List<String> names = new ArrayList<>();
      event.fieldNames().forEachRemaining(names::add);
      assertEquals(List.of("tMs", "type"), names.subList(0, 2), line);
    }
    assertEquals("{\"tMs\":10000.0,\"type\":\"crash\",\"node\":\"leader\",\"reason\":\"fault schedule\"}",
        lines.get(0));
    JsonNode divergence = JSON.readTree(lines.get(2));
    assertFalse(divergence.has("node"), "node is omitted when the event has none");
    assertEquals("follower-2", divergence.get("nodes").get(0).asText());
  }

  @Test
  void scenarioConfIsTheEffectiveConfigurationWithAHeader() throws IOException {
    OutputWriter.write(dir, TestRuns.scenario(), TestRuns.result());
    String text = Files.readString(dir.resolve("scenario.conf"));

    assertTrue(text.startsWith("# The effective configuration of the replsim run \"lag-demo\""), text);
    assertTrue(text.endsWith(TestRuns.scenario().effectiveConfig()), text);
  }

  @Test
  void rewritingReplacesOurFilesAndKeepsTheUsersAndNoTempFiles() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Files.writeString(dir.resolve("summary.json"), "old");
    OutputWriter.write(dir, TestRuns.scenario(), TestRuns.result());
    OutputWriter.write(dir, TestRuns.scenario(), TestRuns.result());

    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(f -> names.add(f.getFileName().toString()));
    }
    assertEquals(Set.of("notes.txt", "summary.json", "timeseries.csv", "events.jsonl", "scenario.conf", "latency.csv",
        "messages.csv"), names);
    assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    assertTrue(Files.readString(dir.resolve("summary.json")).startsWith("{"));
  }

  private static void assertMembers(JsonNode object, String... names) {
    assertTrue(object != null && object.isObject(), "expected an object, got " + object);
    for (String name : names) {
      assertTrue(object.has(name), "missing member " + name + " in " + object);
    }
  }
}
