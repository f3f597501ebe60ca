package dev.replsim.random;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Durations measured elsewhere (a ping log, a trace of a real link), replayed: each sample is one
 * of the given values, each value as likely as any other, so a value listed twice is twice as
 * likely. The values are kept sorted; their order in the source does not matter.
 *
 * @param name where the values came from, for people: the file's name
 * @param micros the values, at least one, none negative
 */
public record Empirical(String name, long[] micros) implements Distribution {

  public Empirical {
    if (micros.length == 0) {
      throw new IllegalArgumentException("an empirical distribution needs at least one value");
    }
    micros = micros.clone();
    Arrays.sort(micros);
    if (micros[0] < 0) {
      throw new IllegalArgumentException("negative duration " + micros[0] + "us");
    }
  }

  /** The values, sorted; a copy. */
  @Override
  public long[] micros() {
    return micros.clone();
  }

  @Override
  public DurationSampler sampler(UniformRandomProvider rng) {
    long[] values = micros;
    return () -> values[rng.nextInt(values.length)];
  }

  @Override
  public double meanMicros() {
    double sum = 0;
    for (long value : micros) {
      sum += value;
    }
    return sum / micros.length;
  }

  @Override
  public double cdf(double at) {
    // the number of values <= at: the insertion point after the last value <= at
    int lo = 0;
    int hi = micros.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (micros[mid] <= at) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (double) lo / micros.length;
  }

  @Override
  public String describe() {
    return "empirical(" + name + ", " + micros.length + (micros.length == 1 ? " value" : " values")
        + " from " + Durations.format(micros[0]) + " to " + Durations.format(micros[micros.length - 1]) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Empirical e && name.equals(e.name) && Arrays.equals(micros, e.micros);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(micros);
  }

  @Override
  public String toString() {
    return "Empirical[name=" + name + ", " + micros.length + " values]";
  }
}
