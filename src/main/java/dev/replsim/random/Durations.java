package dev.replsim.random;

import java.util.Locale;

/** Formats microsecond durations the way scenarios write them ({@code 40ms}, {@code 1.5ms}, {@code 2s}). */
public final class Durations {

  private Durations() {}

  public static String format(long micros) {
    if (micros % 1_000_000 == 0 && micros != 0) {
      return micros / 1_000_000 + "s";
    }
    if (micros % 1000 == 0) {
      return micros / 1000 + "ms";
    }
    return String.format(Locale.ROOT, "%.3fms", micros / 1000.0);
  }
}
