package dev.replsim.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A normal distribution with mean {@code mu} and standard deviation {@code sigma}, truncated at 0:
 * the normal distribution conditioned on being at least 0, sampled by rejection (a negative draw
 * is drawn again). Truncating rather than clamping keeps the shape: no spike of zero delays. With
 * {@code mu >= 0} at least half the draws are kept. The truncated distribution's mean is above
 * {@code mu}, by up to 0.8 sigma when {@code mu = 0}.
 *
 * @param muMicros the mean of the normal before truncation, the scenario's {@code mean}; at least 0
 * @param sigmaMicros the standard deviation before truncation, the scenario's {@code stddev}; above 0
 */
public record Normal(long muMicros, long sigmaMicros) implements Distribution {

  public Normal {
    if (muMicros < 0 || sigmaMicros <= 0) {
      throw new IllegalArgumentException(
          "need mean >= 0 and stddev > 0, got " + muMicros + "us, " + sigmaMicros + "us");
    }
  }

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    NormalizedGaussianSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
    return () -> {
      double x;
      do {
        x = muMicros + sigmaMicros * z.sample();
      } while (x < 0);
      return Samples.micros(x);
    };
  }

  /** {@code mu + sigma * pdf(a) / (1 - cdf(a))} with {@code a = -mu / sigma}. */
  @Override
  public double meanMicros() {
    double a = -(double) muMicros / sigmaMicros;
    return muMicros + sigmaMicros * Samples.density(a) / Samples.phi(-a);
  }

  @Override
  public double cdf(double micros) {
    if (micros <= 0) {
      return 0;
    }
    double below = Samples.phi(-(double) muMicros / sigmaMicros); // the mass cut off below 0
    return (Samples.phi((micros - muMicros) / sigmaMicros) - below) / (1 - below);
  }

  @Override
  public String describe() {
    return "normal(mean " + Durations.format(muMicros) + ", stddev " + Durations.format(sigmaMicros) + ")";
  }
}
