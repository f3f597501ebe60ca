package dev.replsim.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Determinism, bounds, means, distribution functions and descriptions of every distribution. */
class DistributionPropertiesTest {

  private static final long SEED = 7;

  /** One of each family, with and without jitter. */
  private static final List<Distribution> ALL =
      List.of(
          new Distribution.Constant(40_000),
          new Distribution.Uniform(20_000, 40_000),
          new Normal(30_000, 5_000),
          new Normal(10_000, 20_000),
          new Exponential(30_000),
          new LogNormal(30_000, 0.5),
          new Pareto(20_000, 3),
          new Empirical("ping.csv", new long[] {1_000, 2_000, 2_000, 5_000, 10_000}),
          new Distribution.Constant(3_000).withJitter(5_000),
          new Normal(10_000, 20_000).withJitter(5_000),
          new Exponential(2_000).withJitter(1_000),
          new Pareto(1_000, 3).withJitter(2_000));

  private static long[] draw(Distribution d, String stream, int n) {
    DurationSampler sampler = d.sampler(new SeededStreams(SEED).stream(stream));
    return LongStream.generate(sampler::nextMicros).limit(n).toArray();
  }

  @Test
  void theSameSeedAndStreamGiveTheSameSamples() {
    for (Distribution d : ALL) {
      assertArrayEquals(draw(d, "link:leader->follower-1", 1000), draw(d, "link:leader->follower-1", 1000), d.describe());
    }
  }

  @Test
  void anotherStreamGivesOtherSamples() {
    for (Distribution d : ALL) {
      if (!(d instanceof Distribution.Constant)) {
        assertFalse(Arrays.equals(draw(d, "link:leader->follower-1", 100), draw(d, "link:leader->follower-2", 100)), d.describe());
      }
    }
  }

  @Test
  void jitterNeverGivesANegativeDuration() {
    List<Distribution> nearZero =
        List.of(
            new Distribution.Constant(0).withJitter(10_000),
            new Distribution.Uniform(0, 1_000).withJitter(50_000),
            new Exponential(100).withJitter(1_000_000),
            new Normal(0, 1_000).withJitter(5_000));
    for (Distribution d : nearZero) {
      long[] xs = draw(d, "apply:follower-1", 100_000);
      assertTrue(Arrays.stream(xs).allMatch(x -> x >= 0), d.describe());
      assertTrue(Arrays.stream(xs).anyMatch(x -> x == 0), d.describe() + " never truncated");
    }
  }

  @Test
  void samplesStayWithinZeroAndTheCap() {
    // shape 0.1: P(X > cap) = (1ms / 1 day)^0.1, about 8% of samples land on the cap
    long[] xs = draw(new Pareto(1_000, 0.1), "link:a->b", 10_000);
    assertTrue(Arrays.stream(xs).allMatch(x -> x >= 1_000 && x <= Distribution.MAX_SAMPLE_MICROS));
    assertTrue(Arrays.stream(xs).anyMatch(x -> x == Distribution.MAX_SAMPLE_MICROS));
  }

  @Test
  void empiricalReturnsOnlyItsValuesEachAsOftenAsItIsListed() {
    Empirical d = new Empirical("ping.csv", new long[] {5_000, 1_000, 2_000, 2_000, 10_000});
    long[] xs = draw(d, "link:a->b", 10_000);

    assertEquals(Set.of(1_000L, 2_000L, 5_000L, 10_000L), Arrays.stream(xs).boxed().collect(Collectors.toSet()));
    // 2ms is listed twice: share 0.4, binomial standard error 0.0049, so 5 errors is 0.0245
    double share = Arrays.stream(xs).filter(x -> x == 2_000).count() / 10_000.0;
    assertEquals(0.4, share, 0.0245);
  }

  @Test
  void sampleMeansMatchTheMeans() {
    for (Distribution d : ALL) {
      long[] xs = draw(d, "node:follower-1", 100_000);
      double mean = Arrays.stream(xs).average().orElseThrow();
      double sd = Math.sqrt(Arrays.stream(xs).mapToDouble(x -> (x - mean) * (x - mean)).sum() / (xs.length - 1));
      // the sample mean is within 5 standard errors of the true mean except with probability 6e-7
      assertEquals(d.meanMicros(), mean, 5 * sd / Math.sqrt(xs.length) + 1, d.describe());
    }
  }

  @Test
  void closedFormMeans() {
    assertEquals(25_000, new Exponential(25_000).meanMicros());
    assertEquals(30_000 * Math.exp(0.125), new LogNormal(30_000, 0.5).meanMicros(), 1e-6);
    assertEquals(30_000, new Pareto(20_000, 3).meanMicros(), 1e-9);
    assertEquals(Double.POSITIVE_INFINITY, new Pareto(20_000, 1).meanMicros());
    // a half-normal's mean is sigma * sqrt(2 / pi)
    assertEquals(10_000 * Math.sqrt(2 / Math.PI), new Normal(0, 10_000).meanMicros(), 1e-6);
    // far from 0, truncation changes nothing
    assertEquals(30_000, new Normal(30_000, 5_000).meanMicros(), 1e-3);
    // max(0, U) for U uniform on [-j, j] has mean j / 4
    assertEquals(1_250, new Distribution.Constant(0).withJitter(5_000).meanMicros(), 1);
    assertEquals(40_000, new Distribution.Constant(40_000).withJitter(5_000).meanMicros(), 1e-9);
  }

  @Test
  void distributionFunctionsMatchTheSamples() {
    // Dvoretzky-Kiefer-Wolfowitz: P(sup |F_n - F| > e) <= 2 exp(-2 n e^2) = 2e-7 for e = 0.02 and
    // n = 20,000. Checked at every 50th sample (the F of a jittered distribution is a numeric
    // integral, so this checks it too), at the sample and just below it, where F_n jumps.
    int n = 20_000;
    for (Distribution d : ALL) {
      long[] xs = draw(d, "link:x->y", n);
      Arrays.sort(xs);
      double worst = 0;
      for (int i = 0; i < n; i += 50) {
        long x = xs[i];
        long atOrBelow = Arrays.stream(xs).filter(v -> v <= x).count();
        long below = Arrays.stream(xs).filter(v -> v < x).count();
        worst = Math.max(worst, Math.abs((double) atOrBelow / n - d.cdf(x)));
        worst = Math.max(worst, Math.abs((double) below / n - d.cdf(x - 0.5)));
      }
      assertTrue(worst < 0.02, d.describe() + ": sup |F_n - F| = " + worst);
    }
  }

  @Test
  void descriptionsNameTheParameters() {
    assertEquals("normal(mean 30ms, stddev 5ms)", new Normal(30_000, 5_000).describe());
    assertEquals("exponential(mean 80ms)", new Exponential(80_000).describe());
    assertEquals("log-normal(median 30ms, sigma 0.5)", new LogNormal(30_000, 0.5).describe());
    assertEquals("pareto(scale 20ms, shape 2)", new Pareto(20_000, 2).describe());
    assertEquals(
        "empirical(ping.csv, 3 values from 1ms to 2.500ms)",
        new Empirical("ping.csv", new long[] {2_500, 1_000, 2_000}).describe());
    assertEquals(
        "uniform(20ms, 40ms) +/- 5ms", new Distribution.Uniform(20_000, 40_000).withJitter(5_000).describe());
  }

  @Test
  void zeroJitterIsNoJitter() {
    Distribution d = new Exponential(1_000);
    assertSame(d, d.withJitter(0));
  }

  @Test
  void invalidParametersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Normal(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Normal(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Exponential(0));
    assertThrows(IllegalArgumentException.class, () -> new LogNormal(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new LogNormal(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Pareto(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Empirical("x", new long[0]));
    assertThrows(IllegalArgumentException.class, () -> new Empirical("x", new long[] {-1}));
    assertThrows(IllegalArgumentException.class, () -> new Jittered(new Exponential(1).withJitter(1), 1));
  }

  @Test
  void empiricalValuesAreCopiedAndComparedByValue() {
    long[] values = {3, 1, 2};
    Empirical d = new Empirical("x", values);
    values[0] = 99;
    d.micros()[0] = 99;

    assertArrayEquals(new long[] {1, 2, 3}, d.micros());
    assertEquals(new Empirical("x", new long[] {2, 3, 1}), d);
    assertEquals(new Empirical("x", new long[] {2, 3, 1}).hashCode(), d.hashCode());
  }
}
