package dev.replsim.scenario;

import java.time.Duration;

/**
 * The {@code simulation} section: what the run is called, its seed, how long it runs, how often
 * the time series is sampled and whether time is live or virtual.
 *
 * @param drainTimeout after the workload stops, how long the run waits for followers to catch up
 *     before it takes the final measurements
 * @param warmUp how long a live run rehearses its workload before t = 0
 * @param time whether the run is live (the real cluster in real time) or virtual (discrete events in
 *     virtual time)
 */
public record SimulationSettings(
    String name, long seed, Duration duration, Duration sampleInterval, Duration drainTimeout, WarmUp warmUp,
    TimeMode time) {

  /** Settings with the automatic warm-up, in live time. */
  public SimulationSettings(String name, long seed, Duration duration, Duration sampleInterval,
      Duration drainTimeout) {
    this(name, seed, duration, sampleInterval, drainTimeout, WarmUp.AUTO);
  }

  /** Settings in live time. */
  public SimulationSettings(String name, long seed, Duration duration, Duration sampleInterval,
      Duration drainTimeout, WarmUp warmUp) {
    this(name, seed, duration, sampleInterval, drainTimeout, warmUp, TimeMode.LIVE);
  }
}
