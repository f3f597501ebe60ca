package dev.replsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {

  @TempDir Path tmp;

  private String error(Path dir) {
    return assertThrows(RunFilesException.class, () -> RunFiles.read(dir)).getMessage();
  }

  @Test
  void aDirectoryWithoutSummaryIsNotAFinishedRun() throws IOException {
    Files.writeString(tmp.resolve("timeseries.csv"), "t_ms,node,metric,value\n");

    assertEquals(tmp + " is not a finished run: it has no summary.json (a run writes it last, when everything else"
        + " is written)", error(tmp));
  }

  @Test
  void aMissingDirectoryIsSaidToBeMissing() {
    assertEquals(tmp.resolve("nope") + " is not a directory (it does not exist)", error(tmp.resolve("nope")));
  }

  @Test
  void aSummaryThatIsNotJsonIsNamed() throws IOException {
    Files.writeString(tmp.resolve("summary.json"), "{ not json");

    assertTrue(error(tmp).startsWith(tmp.resolve("summary.json") + " is not a replsim summary: "), error(tmp));
  }

  @Test
  void aSummaryOfSomethingElseIsNamed() throws IOException {
    Files.writeString(tmp.resolve("summary.json"), "{\"answer\": 42}");

    assertEquals(tmp.resolve("summary.json") + " is not a replsim summary: it lacks scenario, cluster, writes,"
        + " commitLatencyMs or lag", error(tmp));
  }

  @Test
  void aBrokenTimeseriesLineIsNamedByFileAndLine() throws IOException {
    SyntheticRun.plain(tmp);
    Files.writeString(tmp.resolve("timeseries.csv"), "t_ms,node,metric,value\n100,leader,last_lsn,5\n200,leader\n");

    assertEquals(tmp.resolve("timeseries.csv") + ":3: expected 4 fields (t_ms,node,metric,value), found 2", error(tmp));
  }

  @Test
  void readsBackWhatTheRunWrote() throws Exception {
    SyntheticRun.withIncidents(tmp);

    RunData run = RunFiles.read(tmp);

    assertEquals(SyntheticRun.NODES, run.nodes());
    assertEquals("follower-1", run.summary().cluster().leader());
    assertEquals(1, run.summary().failovers().size());
    assertEquals(200, run.timeseries().series("apply_lag_ms", "follower-2").size());
    assertTrue(run.messages().stream().anyMatch(m -> m.dropped() && Double.isNaN(m.deliveredMs())));
    assertTrue(run.latency().stream().anyMatch(p -> p.metric().equals("commit_latency") && p.percentile() == 100));
    assertEquals(SyntheticRun.FOLLOWERS, run.reads().nodes("stale_read_probability"));
    assertTrue(run.events().stream().anyMatch(e -> e.type().equals("fault") && "crash".equals(e.details().get("fault"))));
    assertEquals("lag-demo", run.settings().get("simulation.name"));
    assertEquals(Duration.ofSeconds(2), run.sequenceWindow());
  }

  @Test
  void theSequenceWindowComesFromTheScenario() throws Exception {
    SyntheticRun.plain(tmp);
    Files.writeString(tmp.resolve("scenario.conf"), "simulation { name = x }\nreport { sequence-window = 500ms }\n");

    assertEquals(Duration.ofMillis(500), RunFiles.read(tmp).sequenceWindow());
  }

  @Test
  void aRunOfAnOlderReplsimHasNoTraceFiles() throws Exception {
    SyntheticRun.plain(tmp);
    Files.delete(tmp.resolve("latency.csv"));
    Files.delete(tmp.resolve("messages.csv"));

    RunData run = RunFiles.read(tmp);

    assertTrue(run.latency().isEmpty());
    assertTrue(run.messages().isEmpty());
  }
}
