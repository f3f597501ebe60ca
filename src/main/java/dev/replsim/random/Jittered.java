package dev.replsim.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Another distribution plus uniform noise in {@code [-jitter, +jitter]}, truncated at 0 (a sample
 * that would be negative is 0), like netem's jitter, whose default is uniform. The noise is drawn
 * after the underlying sample, from the same stream.
 *
 * @param base the distribution the noise is added to; not itself jittered
 * @param jitterMicros the most the noise moves a sample either way, greater than 0
 */
public record Jittered(Distribution base, long jitterMicros) implements Distribution {

  /** Intervals of the numeric integrals below: the mean is then exact to well under 0.1%. */
  private static final int INTERVALS = 2000;

  public Jittered {
    if (base == null || base instanceof Jittered) {
      throw new IllegalArgumentException("jitter needs one underlying distribution, got " + base);
    }
    if (jitterMicros <= 0 || jitterMicros > MAX_SAMPLE_MICROS) {
      throw new IllegalArgumentException("jitter must be in (0, 1 day], got " + jitterMicros + "us");
    }
  }

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    DurationSampler underlying = base.sampler(rng);
    long span = 2 * jitterMicros + 1;
    return () -> {
      double x = (double) underlying.nextMicros() + (rng.nextLong(span) - jitterMicros);
      return Samples.micros(x);
    };
  }

  /**
   * The base's mean plus what truncation at 0 adds: {@code E[max(0, X + U)] = E[X] + E[max(0, -X
   * - U)]}, and for {@code U} uniform on {@code [-j, j]} the second term is {@code (1 / 2j) *
   * integral from 0 to j of (j - x) F(x) dx}, F being the base's distribution function. It is 0
   * when the base never goes below the jitter.
   */
  @Override
  public double meanMicros() {
    double j = jitterMicros;
    double lift = Samples.integrate(x -> (j - x) * base.cdf(x), 0, j, INTERVALS) / (2 * j);
    return base.meanMicros() + lift;
  }

  /** {@code P(X + U <= x) = (1 / 2j) * integral from x - j to x + j of F}, for x at least 0. */
  @Override
  public double cdf(double micros) {
    if (micros < 0) {
      return 0;
    }
    double j = jitterMicros;
    double from = Math.max(0, micros - j); // F is 0 below 0
    return Samples.integrate(base::cdf, from, micros + j, INTERVALS) / (2 * j);
  }

  @Override
  public String describe() {
    return base.describe() + " +/- " + Durations.format(jitterMicros);
  }
}
