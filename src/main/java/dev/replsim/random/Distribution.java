package dev.replsim.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A validated distribution of durations (link delay, apply time), as written in a scenario:
 * {@code { distribution = uniform, min = 20ms, max = 40ms }}. Pure: it samples only from the
 * stream it is given.
 */
public sealed interface Distribution permits Distribution.Constant, Distribution.Uniform {

  /** A sampler drawing from {@code rng}; each caller gets its own, bound to its own stream. */
  DurationSampler sampler(UniformRandomProvider rng);

  /** The mean of the distribution in microseconds, used for summaries and for routing by delay. */
  double meanMicros();

  /** A short human description, e.g. {@code uniform(20ms, 40ms)}. */
  String describe();

  /** Always the same duration. */
  record Constant(long micros) implements Distribution {
    public Constant {
      if (micros < 0) {
        throw new IllegalArgumentException("negative duration " + micros + "us");
      }
    }

    @Override
    public DurationSampler sampler(UniformRandomProvider rng) {
      return () -> micros;
    }

    @Override
    public double meanMicros() {
      return micros;
    }

    @Override
    public String describe() {
      return "constant(" + Durations.format(micros) + ")";
    }
  }

  /** Uniform on {@code [min, max]}. */
  record Uniform(long minMicros, long maxMicros) implements Distribution {
    public Uniform {
      if (minMicros < 0 || maxMicros < minMicros) {
        throw new IllegalArgumentException("need 0 <= min <= max, got " + minMicros + ".." + maxMicros);
      }
    }

    @Override
    public DurationSampler sampler(UniformRandomProvider rng) {
      long span = maxMicros - minMicros;
      return () -> minMicros + (span == 0 ? 0 : rng.nextLong(span + 1));
    }

    @Override
    public double meanMicros() {
      return (minMicros + maxMicros) / 2.0;
    }

    @Override
    public String describe() {
      return "uniform(" + Durations.format(minMicros) + ", " + Durations.format(maxMicros) + ")";
    }
  }
}
