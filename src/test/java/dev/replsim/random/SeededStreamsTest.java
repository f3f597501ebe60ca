package dev.replsim.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class SeededStreamsTest {

  private static long[] first(UniformRandomProvider rng, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextLong();
    }
    return out;
  }

  @Test
  void theSameSeedAndNameGiveTheSameSequence() {
    long[] a = first(new SeededStreams(42).stream("link:leader->follower-1"), 100);
    long[] b = first(new SeededStreams(42).stream("link:leader->follower-1"), 100);
    assertArrayEquals(a, b);
  }

  @Test
  void aStreamDoesNotDependOnWhichOtherStreamsWereCreatedOrUsed() {
    SeededStreams streams = new SeededStreams(42);
    first(streams.stream("node:follower-2"), 10);
    streams.stream("client:7");
    long[] late = first(streams.stream("link:leader->follower-1"), 100);
    assertArrayEquals(first(new SeededStreams(42).stream("link:leader->follower-1"), 100), late);
  }

  @Test
  void anotherNameOrSeedGivesAnotherSequence() {
    long[] base = first(new SeededStreams(42).stream("link:leader->follower-1"), 100);
    long[] otherName = first(new SeededStreams(42).stream("link:leader->follower-2"), 100);
    long[] otherSeed = first(new SeededStreams(43).stream("link:leader->follower-1"), 100);
    assertFalse(Arrays.equals(base, otherName));
    assertFalse(Arrays.equals(base, otherSeed));
  }

  @Test
  void samplersDrawReproduciblyFromTheirOwnStream() {
    Distribution uniform = new Distribution.Uniform(20_000, 40_000);
    DurationSampler a = uniform.sampler(new SeededStreams(7).stream("node:follower-1"));
    DurationSampler b = uniform.sampler(new SeededStreams(7).stream("node:follower-1"));
    for (int i = 0; i < 1000; i++) {
      long x = a.nextMicros();
      assertEquals(x, b.nextMicros());
      assertTrue(x >= 20_000 && x <= 40_000, "out of range: " + x);
    }
  }
}
