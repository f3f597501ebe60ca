package dev.replsim.network;

import dev.replsim.random.Distribution;

/**
 * Everything that shapes one directed link, as netem would configure it: the delay distribution
 * (its jitter included), the probabilities of losing and of duplicating a message, whether
 * messages may overtake each other, and the bandwidth.
 *
 * @param loss probability in [0, 1] that a message is dropped
 * @param duplicate probability in [0, 1] that a message is delivered twice
 * @param reorder false for a FIFO link (like TCP), true to let a message overtake earlier ones
 * @param bandwidthBytesPerSec how fast the link serializes messages; 0 for unlimited
 */
public record LinkProfile(
    Distribution delay, double loss, double duplicate, boolean reorder, long bandwidthBytesPerSec) {

  public LinkProfile {
    if (delay == null) {
      throw new IllegalArgumentException("a link needs a delay");
    }
    if (!(loss >= 0 && loss <= 1) || !(duplicate >= 0 && duplicate <= 1)) {
      throw new IllegalArgumentException("probabilities must be in [0, 1]: loss " + loss + ", duplicate " + duplicate);
    }
    if (bandwidthBytesPerSec < 0) {
      throw new IllegalArgumentException("bandwidth must be >= 0 (0 = unlimited), got " + bandwidthBytesPerSec);
    }
  }

  /** A perfect link with only a delay. */
  public static LinkProfile of(Distribution delay) {
    return new LinkProfile(delay, 0, 0, false, 0);
  }

  public boolean unlimitedBandwidth() {
    return bandwidthBytesPerSec == 0;
  }

  /** A short human description, e.g. {@code uniform(20ms, 40ms), loss 1%}. */
  public String describe() {
    return delay.describe() + LinkPatch.describeRest(loss, duplicate, reorder, bandwidthBytesPerSec);
  }

  /** This profile with the patch's settings, where the patch has them. */
  public LinkProfile with(LinkPatch patch) {
    return new LinkProfile(
        patch.delay() != null ? patch.delay() : delay,
        patch.loss() != null ? patch.loss() : loss,
        patch.duplicate() != null ? patch.duplicate() : duplicate,
        patch.reorder() != null ? patch.reorder() : reorder,
        patch.bandwidthBytesPerSec() != null ? patch.bandwidthBytesPerSec() : bandwidthBytesPerSec);
  }
}
