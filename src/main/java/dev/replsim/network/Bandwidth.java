package dev.replsim.network;

import java.util.Locale;

/** Formats a link's bandwidth for people: {@code 12.5 MB/s}, {@code unlimited}. */
public final class Bandwidth {

  private Bandwidth() {}

  public static String describe(long bytesPerSec) {
    if (bytesPerSec <= 0) {
      return "unlimited";
    }
    String[] units = {"B/s", "kB/s", "MB/s", "GB/s"};
    double value = bytesPerSec;
    int unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3g", value))
        + " " + units[unit];
  }
}
