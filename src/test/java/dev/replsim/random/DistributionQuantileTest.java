package dev.replsim.random;

import static dev.replsim.random.QuantileCheck.SAMPLES;
import static dev.replsim.random.QuantileCheck.misses;
import static dev.replsim.random.QuantileCheck.sortedSamples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Each delay distribution, sampled 10,000 times, against the closed form of its quantile function
 * (see {@link QuantileCheck} for the tolerance). The inverse normal CDF comes from Commons
 * Statistics, independent of the samplers under test (Commons RNG).
 */
class DistributionQuantileTest {

  private static final long SEED = 20_240_611L;
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private static void assertQuantiles(Distribution d, DoubleUnaryOperator quantile) {
    long[] sorted = sortedSamples(d, SEED, "link:leader->follower-1", SAMPLES);
    assertEquals(List.of(), misses(sorted, quantile), d.describe());
  }

  /** The quantile function of a normal(mu, sigma) conditioned on being at least 0. */
  static DoubleUnaryOperator truncatedNormalQuantile(double mu, double sigma) {
    double below = STANDARD_NORMAL.cumulativeProbability(-mu / sigma);
    return p -> mu + sigma * STANDARD_NORMAL.inverseCumulativeProbability(below + p * (1 - below));
  }

  @Test
  void uniformMatchesItsQuantiles() {
    assertQuantiles(new Distribution.Uniform(20_000, 40_000), p -> 20_000 + p * 20_000);
  }

  @Test
  void normalFarFromZeroMatchesTheNormalQuantiles() {
    assertQuantiles(new Normal(30_000, 5_000), truncatedNormalQuantile(30_000, 5_000));
  }

  @Test
  void normalNearZeroMatchesTheTruncatedQuantiles() {
    // a third of this normal lies below 0: truncation, not clamping, decides its quantiles
    assertQuantiles(new Normal(10_000, 20_000), truncatedNormalQuantile(10_000, 20_000));
  }

  @Test
  void normalWithMeanZeroIsHalfNormal() {
    assertQuantiles(new Normal(0, 10_000), p -> 10_000 * STANDARD_NORMAL.inverseCumulativeProbability((1 + p) / 2));
  }

  @Test
  void clampingInsteadOfTruncatingWouldFailTheCheck() {
    // the power of the check: a normal(10ms, 20ms) clamped at 0 has a spike of zeros
    NormalizedGaussianSampler z =
        ZigguratSampler.NormalizedGaussian.of(new SeededStreams(SEED).stream("clamped"));
    long[] clamped = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      clamped[i] = Math.max(0, Math.round(10_000 + 20_000 * z.sample()));
    }
    Arrays.sort(clamped);

    assertFalse(misses(clamped, truncatedNormalQuantile(10_000, 20_000)).isEmpty());
  }

  @Test
  void exponentialMatchesItsQuantiles() {
    assertQuantiles(new Exponential(30_000), p -> -30_000 * Math.log1p(-p));
  }

  @Test
  void logNormalMatchesItsQuantilesWithMuTheLogOfTheMedian() {
    for (double sigma : new double[] {0.25, 1.0}) {
      assertQuantiles(
          new LogNormal(30_000, sigma),
          p -> 30_000 * Math.exp(sigma * STANDARD_NORMAL.inverseCumulativeProbability(p)));
    }
  }

  @Test
  void paretoMatchesItsQuantilesWithAFiniteAndAnInfiniteMean() {
    for (double shape : new double[] {2.5, 0.8}) {
      assertQuantiles(new Pareto(20_000, shape), p -> 20_000 * Math.pow(1 - p, -1 / shape));
    }
  }

  @Test
  void empiricalMatchesTheQuantilesOfItsValues() {
    long[] values = {1_000, 2_000, 2_000, 5_000, 10_000};
    // the smallest value whose share of the values (counted with repeats) reaches p
    assertQuantiles(new Empirical("values", values), p -> values[Math.max(0, (int) Math.ceil(p * 5) - 1)]);
  }

  @Test
  void jitterAroundAConstantIsUniform() {
    assertQuantiles(new Distribution.Constant(40_000).withJitter(5_000), p -> 35_000 + p * 10_000);
  }

  @Test
  void jitterLargerThanTheDelayPilesTheNegativeHalfAtZero() {
    // max(0, U) for U uniform on [-5ms, 5ms]: half the samples are 0, the rest uniform up to 5ms
    assertQuantiles(
        new Distribution.Constant(0).withJitter(5_000), p -> p <= 0.5 ? 0 : (2 * p - 1) * 5_000);
  }
}
