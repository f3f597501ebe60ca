package dev.replsim.network;

import dev.replsim.random.Distribution;

/**
 * Some of a link's settings, to lay over a {@link LinkProfile}: a per-link or per-region override
 * in a scenario, or a {@code link} fault that changes a link mid-run. A null field keeps what is
 * underneath.
 */
public record LinkPatch(
    Distribution delay, Double loss, Double duplicate, Boolean reorder, Long bandwidthBytesPerSec) {

  public static final LinkPatch NONE = new LinkPatch(null, null, null, null, null);

  public static LinkPatch delay(Distribution delay) {
    return new LinkPatch(delay, null, null, null, null);
  }

  /** A short human description of what the patch sets, e.g. {@code constant(80ms), loss 10%}. */
  public String describe() {
    String rest = describeRest(loss, duplicate, reorder, bandwidthBytesPerSec);
    return delay != null ? delay.describe() + rest : rest.isEmpty() ? "no change" : rest.substring(2);
  }

  /** The settings other than the delay, each after ", ", omitting those at their neutral value. */
  static String describeRest(Double loss, Double duplicate, Boolean reorder, Long bandwidth) {
    StringBuilder s = new StringBuilder();
    if (loss != null && loss > 0) {
      s.append(", loss ").append(percent(loss));
    }
    if (duplicate != null && duplicate > 0) {
      s.append(", duplicate ").append(percent(duplicate));
    }
    if (reorder != null && reorder) {
      s.append(", reordering");
    }
    if (bandwidth != null && bandwidth > 0) {
      s.append(", ").append(Bandwidth.describe(bandwidth));
    }
    return s.toString();
  }

  private static String percent(double p) {
    double pct = p * 100;
    return (pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct)) + "%";
  }

  public boolean isEmpty() {
    return delay == null && loss == null && duplicate == null && reorder == null && bandwidthBytesPerSec == null;
  }
}
