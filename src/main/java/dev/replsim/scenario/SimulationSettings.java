package dev.replsim.scenario;

import java.time.Duration;

/**
 * The {@code simulation} section: what the run is called, its seed, how long it runs and how
 * often the time series is sampled.
 *
 * @param drainTimeout after the workload stops, how long the run waits for followers to catch up
 *     before it takes the final measurements
 */
public record SimulationSettings(
    String name, long seed, Duration duration, Duration sampleInterval, Duration drainTimeout) {}
