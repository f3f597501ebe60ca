package dev.replsim.scenario;

import java.time.Duration;

/**
 * The {@code workload} section: clients writing through the leader, and reading (see {@link
 * ReadSettings}).
 *
 * @param clients how many clients share the write rate
 * @param writeRate writes per second across all clients; {@link Double#POSITIVE_INFINITY} for
 *     {@code unlimited}, where each client writes as fast as it can with at most
 *     {@code maxOutstanding} unanswered writes
 * @param arrival how writes are spaced in time
 * @param keys how many distinct keys are written
 * @param keyDistribution how keys are chosen
 * @param zipfExponent the exponent for zipfian key choice
 * @param valueSize the modelled size in bytes of each written value
 * @param maxOutstanding for unlimited rate, each client's bound on unanswered writes
 * @param writeTimeout how long a client waits for a write's commit before it counts it as failed
 * @param statements the share of each kind of statement
 * @param reads the clients' reads and their session guarantee
 */
public record WorkloadSettings(
    int clients,
    double writeRate,
    Arrival arrival,
    int keys,
    KeyDistribution keyDistribution,
    double zipfExponent,
    int valueSize,
    int maxOutstanding,
    Duration writeTimeout,
    StatementMix statements,
    ReadSettings reads) {

  /** A workload that only writes. */
  public WorkloadSettings(int clients, double writeRate, Arrival arrival, int keys, KeyDistribution keyDistribution,
      double zipfExponent, int valueSize, int maxOutstanding, Duration writeTimeout, StatementMix statements) {
    this(clients, writeRate, arrival, keys, keyDistribution, zipfExponent, valueSize, maxOutstanding, writeTimeout,
        statements, ReadSettings.NONE);
  }

  /** Whether clients write as fast as they can (closed loop) rather than at a set rate. */
  public boolean unlimited() {
    return Double.isInfinite(writeRate);
  }

  /** How writes arrive in time. */
  public enum Arrival {
    /** Evenly spaced. */
    CONSTANT,
    /** Exponential gaps: independent arrivals at the given mean rate. */
    POISSON
  }

  /** How a write picks its key. */
  public enum KeyDistribution {
    UNIFORM,
    ZIPFIAN
  }
}
