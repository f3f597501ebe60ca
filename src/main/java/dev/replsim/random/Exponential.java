package dev.replsim.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * An exponential distribution: memoryless, most samples short and a long tail (a tenth of them
 * above 2.3 times the mean, one in a hundred above 4.6 times).
 *
 * @param meanMicros the mean, greater than 0
 */
public record Exponential(double meanMicros) implements Distribution {

  public Exponential {
    if (!(meanMicros > 0) || Double.isInfinite(meanMicros)) {
      throw new IllegalArgumentException("need a finite mean > 0, got " + meanMicros + "us");
    }
  }

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    ContinuousSampler exponential = ZigguratSampler.Exponential.of(rng, meanMicros);
    return () -> Samples.micros(exponential.sample());
  }

  @Override
  public double cdf(double micros) {
    return micros <= 0 ? 0 : -Math.expm1(-micros / meanMicros);
  }

  @Override
  public String describe() {
    return "exponential(mean " + Durations.format(Math.round(meanMicros)) + ")";
  }
}
