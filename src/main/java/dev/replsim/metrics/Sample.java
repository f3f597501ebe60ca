package dev.replsim.metrics;

/** One row of {@code timeseries.csv}, in tidy long format: a metric's value at a moment, for a node. */
public record Sample(double tMs, String node, String metric, double value) {}
