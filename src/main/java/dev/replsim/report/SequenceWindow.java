package dev.replsim.report;

import java.util.Locale;

/**
 * The stretch of the run the message-sequence diagram shows, in ms since the writes started, and
 * why that one: the window centred on the first fault, the first seconds of the writes, or one the
 * user chose ({@code replsim report DIR --window 9s..11s}).
 */
public record SequenceWindow(double fromMs, double toMs, String why) {

  public SequenceWindow {
    if (!(toMs > fromMs)) {
      throw new IllegalArgumentException("a window must end after it starts: " + fromMs + ".." + toMs);
    }
  }

  /** A window the user chose. */
  public static SequenceWindow chosen(double fromMs, double toMs) {
    return new SequenceWindow(fromMs, toMs, "the window chosen");
  }

  /** {@code lengthMs} centred on the first fault, or from t = 0 when there is none. */
  static SequenceWindow around(Double firstFaultMs, double lengthMs) {
    if (firstFaultMs == null) {
      return new SequenceWindow(0, lengthMs, "the first " + seconds(lengthMs) + " of the writes");
    }
    double from = Math.max(0, firstFaultMs - lengthMs / 2);
    return new SequenceWindow(from, from + lengthMs, "the " + seconds(lengthMs) + " around the first fault");
  }

  double lengthMs() {
    return toMs - fromMs;
  }

  boolean contains(double ms) {
    return ms >= fromMs && ms < toMs;
  }

  private static String seconds(double ms) {
    return ms % 1000 == 0 ? String.format(Locale.ROOT, "%.0f s", ms / 1000)
        : String.format(Locale.ROOT, "%s ms", Html.ms(ms));
  }
}
