package dev.replsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  private static final Pattern FIGURE = Pattern.compile("<figure data-chart='([a-z-]+)'>(.*?)</figure>", Pattern.DOTALL);
  /** A drawn line: a path of at least ten segments. */
  private static final Pattern LINE = Pattern.compile("<path[^>]* d='M[^']*(L[^']*){10,}'");

  @TempDir Path tmp;

  static List<String> charts(String html) {
    List<String> ids = new ArrayList<>();
    Matcher m = FIGURE.matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  @Test
  void aRunWithFaultsFailoversAndReadsGetsEveryChartAndTable() throws Exception {
    String html = Files.readString(ReportWriter.write(SyntheticRun.withIncidents(tmp)));

    assertEquals(List.of("apply-lag", "entries-behind", "apply-lag-cdf", "commit-latency-cdf", "commit-latency-time",
        "throughput", "stale-reads"), charts(html));
    assertTrue(html.contains("<section id='faults'><h2>Faults and failovers</h2>"));
    assertTrue(html.contains("<h3>Failovers</h3>"));
    assertTrue(html.contains("Split brain: up to 2 leaders at once for 350.0 ms, 17 conflicting writes."), html);
    assertTrue(html.contains("<section id='reads'>"));
    assertTrue(html.contains("data-chart='sequence'"));
    assertTrue(html.contains("stale reads</td><td><span class='nonzero'>140</span>"), "anomaly counts");
    assertTrue(html.contains("crash leader"), "the fault window is labelled on the charts");
    assertTrue(html.contains("failover: leader → follower-1 (term 2)"), "the failover is marked");
    assertTrue(html.contains("the 2 s around the first fault"));
  }

  @Test
  void aRunWithoutThemLeavesOutWhatItHasNoDataFor() throws Exception {
    String html = Files.readString(ReportWriter.write(SyntheticRun.plain(tmp)));

    assertEquals(List.of("apply-lag", "entries-behind", "apply-lag-cdf", "commit-latency-cdf", "commit-latency-time",
        "throughput"), charts(html));
    assertFalse(html.contains("id='faults'"));
    assertFalse(html.contains("id='reads'"));
    assertFalse(html.contains("Shaded: fault windows"));
    assertFalse(html.contains("stale reads"), "no read anomalies without reads");
    assertTrue(html.contains("the first 2 s of the writes"));
  }

  @Test
  void everyChartHasItsData() throws Exception {
    String html = Files.readString(ReportWriter.write(SyntheticRun.withIncidents(tmp)));

    Matcher m = FIGURE.matcher(html);
    while (m.find()) {
      assertTrue(LINE.matcher(m.group(2)).find(), "chart " + m.group(1) + " has a drawn line");
    }
  }

  @Test
  void theReportNeedsNothingFromTheNetwork() throws Exception {
    String html = Files.readString(ReportWriter.write(SyntheticRun.withIncidents(tmp)));

    String withoutNamespaces = html.replace("'http://www.w3.org/2000/svg'", "")
        .replace("'http://www.w3.org/1999/xlink'", "").replace("'http://www.jfree.org/jfreesvg/svg'", "");
    assertFalse(withoutNamespaces.contains("http:"), "no absolute addresses");
    assertFalse(withoutNamespaces.contains("https:"), "no absolute addresses");
    assertFalse(html.contains("<link"), "no linked style sheets");
    assertFalse(html.contains(" src="), "no scripts or images from files");
    assertFalse(html.contains("@import"));
  }

  @Test
  void aRunWithoutTraceFilesStillGetsAReport() throws Exception {
    SyntheticRun.plain(tmp);
    Files.delete(tmp.resolve("latency.csv"));
    Files.delete(tmp.resolve("messages.csv"));

    String html = Files.readString(ReportWriter.write(tmp));

    assertEquals(List.of("apply-lag", "entries-behind", "commit-latency-time", "throughput"), charts(html));
    assertTrue(html.contains("This run has no message trace (messages.csv)"));
  }

  @Test
  void theDiagramShowsAChosenWindow() throws Exception {
    String html = Files.readString(ReportWriter.write(SyntheticRun.withIncidents(tmp),
        Optional.of(SequenceWindow.chosen(9500, 10_500))));

    assertTrue(html.contains("Showing 9,500 to 10,500 ms: the window chosen."), "the note says which window");
  }

  @Test
  void drawingAgainGivesTheSameReport() throws Exception {
    Path run = SyntheticRun.withIncidents(tmp);
    String first = Files.readString(ReportWriter.write(run));
    String second = Files.readString(ReportWriter.write(run));

    assertEquals(first, second);
  }
}
