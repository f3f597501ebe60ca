package dev.replsim.workload;

import dev.replsim.scenario.WorkloadSettings.KeyDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;

/**
 * Picks the key of each write: uniformly over {@code keys} keys, or zipfian (key 1 the hottest),
 * from the client's own stream. Keys are named {@code k1 ... kN}.
 */
public final class KeyChooser {

  /** Key names are made once and reused, up to this many keys; beyond, they are made per write. */
  private static final int CACHED_NAMES = 1 << 20;

  private final DiscreteSampler sampler;
  private final String[] names;

  public KeyChooser(KeyDistribution distribution, int keys, double zipfExponent, UniformRandomProvider stream) {
    this.sampler = distribution == KeyDistribution.ZIPFIAN
        ? RejectionInversionZipfSampler.of(stream, keys, zipfExponent)
        : () -> 1 + stream.nextInt(keys);
    this.names = new String[Math.min(keys, CACHED_NAMES) + 1];
  }

  public String next() {
    int key = sampler.sample();
    if (key >= names.length) {
      return "k" + key;
    }
    String name = names[key];
    if (name == null) {
      name = "k" + key;
      names[key] = name;
    }
    return name;
  }
}
