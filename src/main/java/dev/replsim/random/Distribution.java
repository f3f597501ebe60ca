package dev.replsim.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A validated distribution of durations (link delay, apply time), as written in a scenario:
 * {@code { distribution = uniform, min = 20ms, max = 40ms }}. Pure: it samples only from the
 * stream it is given. Durations are microseconds.
 *
 * <p>The families: {@link Constant}, {@link Uniform}, {@link Normal} (truncated at 0), {@link
 * Exponential}, {@link LogNormal}, {@link Pareto} and {@link Empirical}; any of them may carry
 * uniform {@link Jittered jitter}.
 */
public sealed interface Distribution
    permits Distribution.Constant,
        Distribution.Uniform,
        Normal,
        Exponential,
        LogNormal,
        Pareto,
        Empirical,
        Jittered {

  /**
   * The longest duration a sampler returns: one day, as long as the longest run. Heavy tails
   * (Pareto, log-normal) can draw durations beyond any run, or beyond a {@code long}; such a
   * sample is capped here, so adding it to a time never overflows, and it still means "not
   * within this run".
   */
  long MAX_SAMPLE_MICROS = 86_400_000_000L;

  /** A sampler drawing from {@code rng}; each caller gets its own, bound to its own stream. */
  DurationSampler sampler(UniformRandomProvider rng);

  /**
   * The mean of the distribution in microseconds, used for summaries and for routing by delay;
   * {@code Double.POSITIVE_INFINITY} for a Pareto distribution with shape at most 1.
   */
  double meanMicros();

  /** The probability that a sample is at most {@code micros}. */
  double cdf(double micros);

  /** A short human description, e.g. {@code uniform(20ms, 40ms)}. */
  String describe();

  /** This distribution with uniform jitter of {@code jitterMicros} either way; itself for 0. */
  default Distribution withJitter(long jitterMicros) {
    return jitterMicros == 0 ? this : new Jittered(this, jitterMicros);
  }

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
    public double cdf(double at) {
      return at >= micros ? 1 : 0;
    }

    @Override
    public String describe() {
      return "constant(" + Durations.format(micros) + ")";
    }
  }

  /** Uniform on {@code [min, max]}, in whole microseconds. */
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
    public double cdf(double micros) {
      if (micros >= maxMicros) {
        return 1;
      }
      return micros < minMicros ? 0 : (micros - minMicros) / (maxMicros - minMicros);
    }

    @Override
    public String describe() {
      return "uniform(" + Durations.format(minMicros) + ", " + Durations.format(maxMicros) + ")";
    }
  }
}
