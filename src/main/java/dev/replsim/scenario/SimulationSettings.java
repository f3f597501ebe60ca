package dev.replsim.scenario;

import java.time.Duration;

/**
 * The {@code simulation} section: what the run is called, its seed, how long it runs and how
 * often the time series is sampled.
 *
 * @param drainTimeout after the workload stops, how long the run waits for followers to catch up
 *     before it takes the final measurements
 * @param warmUp how long a live run rehearses its workload before t = 0
 */
public record SimulationSettings(
    String name, long seed, Duration duration, Duration sampleInterval, Duration drainTimeout, WarmUp warmUp) {

  /** Settings with the automatic warm-up. */
  public SimulationSettings(String name, long seed, Duration duration, Duration sampleInterval,
      Duration drainTimeout) {
    this(name, seed, duration, sampleInterval, drainTimeout, WarmUp.AUTO);
  }
}
