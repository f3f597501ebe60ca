package dev.replsim.sim;

import dev.replsim.check.Operation;
import dev.replsim.metrics.LatencyPoint;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Sample;
import dev.replsim.metrics.Summary;
import dev.replsim.metrics.TracedMessage;
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
 */
public record RunResult(
    Summary summary,
    List<Sample> timeseries,
    List<RunEvent> events,
    List<LatencyPoint> latency,
    List<TracedMessage> messages,
    List<Sample> reads,
    List<Operation> history) {

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
