package dev.replsim.api;

import dev.replsim.check.Operation;
import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.OutputWriter;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.RunResult;
import dev.replsim.metrics.Sample;
import dev.replsim.metrics.Summary;
import dev.replsim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a finished simulation measured, immutable: the summary as records ({@code summary.json}'s
 * content), the time series ({@code timeseries.csv}'s rows), the events and the clients' history,
 * and the scenario that ran.
 */
public final class Result {

  private final Scenario scenario;
  private final RunResult result;

  Result(Scenario scenario, RunResult result) {
    this.scenario = scenario;
    this.result = result;
  }

  public Scenario scenario() {
    return scenario;
  }

  /** Everything {@code summary.json} holds. */
  public Summary summary() {
    return result.summary();
  }

  /** {@code follower}'s apply lag: from the leader's append to the follower's apply, in ms. */
  public LatencyStats applyLag(String follower) {
    Summary.FollowerLag lag = summary().lag().get(follower);
    if (lag == null) {
      throw new IllegalArgumentException("no follower named " + follower + "; the run's are "
          + summary().lag().keySet());
    }
    return lag.applyMs();
  }

  /** The commit latency of every acknowledged write, in ms. */
  public LatencyStats commitLatency() {
    return summary().commitLatencyMs();
  }

  /** The time series, tidy: one measurement per row, as {@code timeseries.csv} has them. */
  public List<Sample> timeseries() {
    return result.timeseries();
  }

  /** What happened, in order: faults, role changes, elections, divergence ({@code events.jsonl}). */
  public List<RunEvent> events() {
    return result.events();
  }

  /** Every client operation, in invoke order, when the run kept a history (reads, or a linearizability check). */
  public List<Operation> history() {
    return result.history();
  }

  /** Writes every output file ({@code summary.json}, the CSV files, ...) into {@code dir}, created if need be. */
  public void writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    OutputWriter.write(dir, scenario, result);
  }
}
