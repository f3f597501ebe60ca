package dev.replsim.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Derives independent, reproducible random streams from the scenario seed: one stream per link,
 * per node and per client, each named ("link:leader->follower-1", "node:follower-2", ...).
 *
 * <p>A stream depends only on the seed and its name, never on the order in which streams are
 * created or used, so adding a node or a client does not change the delays sampled on an
 * existing link. That is what makes a run reproducible from its seed.
 */
public final class SeededStreams {

  private final long seed;

  public SeededStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** A fresh generator for the stream with this name; the same name always gives the same sequence. */
  public UniformRandomProvider stream(String name) {
    long h = fnv1a64(name);
    long s0 = splitMix64(seed ^ splitMix64(h));
    long s1 = splitMix64(s0 + h);
    return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
  }

  /** FNV-1a over the UTF-8 bytes: stable across JVMs and versions, unlike {@code Object.hashCode}. */
  static long fnv1a64(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The SplitMix64 finaliser: spreads nearby seeds over the whole 64-bit space. */
  static long splitMix64(long z) {
    z += 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
