package dev.replsim.random;

/** Draws one duration in microseconds from a distribution bound to its own seeded stream. */
@FunctionalInterface
public interface DurationSampler {

  /** The next sampled duration, in microseconds, never negative. */
  long nextMicros();
}
