package dev.replsim.report;

import dev.replsim.metrics.LatencyPoint;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Summary;
import dev.replsim.metrics.TracedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A finished run as its output directory holds it: what the report and the comparison are drawn
 * from. Files that a run may lack (an older replsim's run, a feature not built yet) are empty here.
 *
 * @param timeseries {@code timeseries.csv}
 * @param latency {@code latency.csv}: the distributions behind the summary's percentiles
 * @param messages {@code messages.csv}: the traced messages, in order of sending
 * @param reads {@code reads.csv}: stale-read probability against time since commit, when reads ran
 * @param settings {@code scenario.conf} flattened: each setting's path and its value as HOCON
 * @param sequenceWindow the scenario's {@code report.sequence-window}, or the default
 */
public record RunData(
    Path dir,
    Summary summary,
    TidyTable timeseries,
    List<RunEvent> events,
    List<LatencyPoint> latency,
    List<TracedMessage> messages,
    TidyTable reads,
    Map<String, String> settings,
    Duration sequenceWindow) {

  /** All nodes of the run, the initial leader first. */
  public List<String> nodes() {
    return summary.cluster().nodes();
  }

  /** The followers the summary reports lag for, in order. */
  public List<String> followers() {
    return List.copyOf(summary.lag().keySet());
  }

  /** The run's name: its directory's name, which tells runs of one scenario apart. */
  public String label() {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? dir.toString() : name.toString();
  }

  /** How long the writes ran, in ms: the time axis of every chart. */
  public double writeMs() {
    Summary.Run run = summary.run();
    double fromSummary = run == null ? 0 : run.writeMs();
    return Math.max(fromSummary, Math.max(summary.scenario().durationMs(), timeseries.maxX()));
  }
}
