package dev.replsim.metrics;

/**
 * One row of {@code latency.csv}: a point of a latency distribution, for cumulative distribution
 * (CDF) and percentile charts. {@code percentile} percent of the values of {@code metric} measured
 * at {@code node} were at most {@code valueMs}.
 *
 * @param metric {@code commit_latency} (node: the leader), {@code apply_lag} or {@code receive_lag}
 *     (node: a follower)
 * @param percentile 0 to 100
 */
public record LatencyPoint(String metric, String node, double valueMs, double percentile) {}
