package dev.replsim.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A log-normal distribution, given the way people think of it: its median (half the samples are
 * below it) and its shape {@code sigma}, the standard deviation of the delay's logarithm. In the
 * textbook parameters, {@code mu = ln(median)}. The mean is {@code median * exp(sigma^2 / 2)}; the
 * 90th percentile is {@code median * exp(1.2816 * sigma)}, so sigma = 0.5 puts it at 1.9 times the
 * median and sigma = 1 at 3.6 times.
 *
 * @param medianMicros the median, greater than 0
 * @param sigma the shape, greater than 0
 */
public record LogNormal(long medianMicros, double sigma) implements Distribution {

  public LogNormal {
    if (medianMicros <= 0 || !(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException(
          "need median > 0 and a finite sigma > 0, got " + medianMicros + "us, " + sigma);
    }
  }

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    ContinuousSampler logNormal =
        LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), Math.log(medianMicros), sigma);
    return () -> Samples.micros(logNormal.sample());
  }

  @Override
  public double meanMicros() {
    return medianMicros * Math.exp(sigma * sigma / 2);
  }

  @Override
  public double cdf(double micros) {
    return micros <= 0 ? 0 : Samples.phi(Math.log(micros / medianMicros) / sigma);
  }

  @Override
  public String describe() {
    return "log-normal(median " + Durations.format(medianMicros) + ", sigma " + Samples.number(sigma) + ")";
  }
}
