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

  private final DiscreteSampler sampler;

  public KeyChooser(KeyDistribution distribution, int keys, double zipfExponent, UniformRandomProvider stream) {
    this.sampler = distribution == KeyDistribution.ZIPFIAN
        ? RejectionInversionZipfSampler.of(stream, keys, zipfExponent)
        : () -> 1 + stream.nextInt(keys);
  }

  public String next() {
    return "k" + sampler.sample();
  }
}
