package dev.replsim.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.InverseTransformParetoSampler;

/**
 * A Pareto distribution: never below {@code scale}, with a heavy tail whose weight the shape
 * alpha sets: {@code P(X > x) = (scale / x)^alpha}. The smaller the shape, the heavier the tail:
 * the mean {@code alpha * scale / (alpha - 1)} is infinite for a shape of 1 or less, and the
 * variance for a shape of 2 or less. Samples beyond {@link #MAX_SAMPLE_MICROS} are capped there.
 *
 * @param scaleMicros the minimum, greater than 0
 * @param shape alpha, greater than 0
 */
public record Pareto(long scaleMicros, double shape) implements Distribution {

  public Pareto {
    if (scaleMicros <= 0 || !(shape > 0) || Double.isInfinite(shape)) {
      throw new IllegalArgumentException(
          "need scale > 0 and a finite shape > 0, got " + scaleMicros + "us, " + shape);
    }
  }

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    ContinuousSampler pareto = InverseTransformParetoSampler.of(rng, scaleMicros, shape);
    return () -> Samples.micros(pareto.sample());
  }

  @Override
  public double meanMicros() {
    return shape <= 1 ? Double.POSITIVE_INFINITY : shape * scaleMicros / (shape - 1);
  }

  @Override
  public double cdf(double micros) {
    return micros < scaleMicros ? 0 : 1 - Math.pow(scaleMicros / micros, shape);
  }

  @Override
  public String describe() {
    return "pareto(scale " + Durations.format(scaleMicros) + ", shape " + Samples.number(shape) + ")";
  }
}
