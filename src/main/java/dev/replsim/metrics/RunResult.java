package dev.replsim.metrics;

import dev.replsim.check.Operation;
import java.util.List;

/**
 * Everything a finished run produced, ready to be written to its output directory.
 *
 * @param latency the distributions behind the summary's percentiles ({@code latency.csv})
 * @param messages the traced messages ({@code messages.csv}), for the message-sequence diagram
 * @param reads the t-visibility curve per node ({@code reads.csv}; x: ms since the key's last
 *     commit), empty when no reads were checked
 * @param history every client operation, in invoke order ({@code history.csv}), empty when no
 *     history was recorded
 * @param host what a virtual run cost its host ({@code run.json}), or null for a live run, whose
 *     summary says it
 */
public record RunResult(
    Summary summary,
    List<Sample> timeseries,
    List<RunEvent> events,
    List<LatencyPoint> latency,
    List<TracedMessage> messages,
    List<Sample> reads,
    List<Operation> history,
    HostRun host) {

  /** A result without host figures (a live run's). */
  public RunResult(Summary summary, List<Sample> timeseries, List<RunEvent> events, List<LatencyPoint> latency,
      List<TracedMessage> messages, List<Sample> reads, List<Operation> history) {
    this(summary, timeseries, events, latency, messages, reads, history, null);
  }

  /** The same result with the host figures of a virtual run. */
  public RunResult withHost(HostRun host) {
    return new RunResult(summary, timeseries, events, latency, messages, reads, history, host);
  }

  /** A result without distributions or a message trace (a driver or test that records neither). */
  public RunResult(Summary summary, List<Sample> timeseries, List<RunEvent> events) {
    this(summary, timeseries, events, List.of(), List.of());
  }

  /** A result without reads. */
  public RunResult(Summary summary, List<Sample> timeseries, List<RunEvent> events, List<LatencyPoint> latency,
      List<TracedMessage> messages) {
    this(summary, timeseries, events, latency, messages, List.of(), List.of());
  }
}
