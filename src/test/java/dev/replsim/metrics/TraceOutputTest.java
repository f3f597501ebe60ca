package dev.replsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code latency.csv} and {@code messages.csv}: tidy, plain numbers, missing values as empty fields. */
class TraceOutputTest {

  @TempDir Path dir;

  @Test
  void messagesCsvHasOneRowPerMessageAndEmptyFieldsForWhatAMessageLacks() throws IOException {
    Path file = dir.resolve("messages.csv");
    OutputWriter.writeMessages(file, List.of(
        new TracedMessage(0.5, 31.25, "leader", "follower-1", "AppendEntries", 1, 3, 312, false),
        new TracedMessage(40.0, Double.NaN, "follower-1", "leader", "Ack", TracedMessage.NO_LSN, 3, 88, true)));

    assertEquals(List.of(
        "sent_ms,delivered_ms,from,to,type,first_lsn,last_lsn,bytes,dropped",
        "0.5,31.25,leader,follower-1,AppendEntries,1,3,312,false",
        "40,,follower-1,leader,Ack,,3,88,true"), Files.readAllLines(file));
  }

  @Test
  void latencyCsvHoldsEachDistributionUpToItsMaximum() throws IOException {
    Histogram micros = new Histogram(3);
    for (int v = 1; v <= 1000; v++) {
      micros.recordValue(v * 100L); // 0.1 ms .. 100 ms
    }
    List<LatencyPoint> points = new java.util.ArrayList<>();
    LatencyCurves.add(points, "apply_lag", "follower-1", micros);
    Path file = dir.resolve("latency.csv");
    OutputWriter.writeLatency(file, points);

    List<String> lines = Files.readAllLines(file);
    assertEquals("metric,node,value_ms,percentile", lines.get(0));
    assertTrue(lines.size() > 20, "a curve, not a handful of percentiles: " + lines.size());
    LatencyPoint last = points.get(points.size() - 1);
    assertEquals(100.0, last.percentile());
    assertEquals(100.0, last.valueMs(), 0.1);
    for (int i = 1; i < points.size(); i++) {
      assertTrue(points.get(i).percentile() >= points.get(i - 1).percentile());
      assertTrue(points.get(i).valueMs() >= points.get(i - 1).valueMs());
    }
    assertTrue(lines.get(1).startsWith("apply_lag,follower-1,0.1,"), lines.get(1));
  }

  @Test
  void anEmptyHistogramAddsNoCurve() {
    List<LatencyPoint> points = new java.util.ArrayList<>();
    LatencyCurves.add(points, "commit_latency", "leader", new Histogram(3));
    assertTrue(points.isEmpty());
  }
}
