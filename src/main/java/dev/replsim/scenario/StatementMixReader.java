package dev.replsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and validates {@code workload.statements}: shares of 0..1 that add up to 1. */
final class StatementMixReader {

  static final String PATH = "workload.statements";
  private static final double TOLERANCE = 1e-9;

  private StatementMixReader() {}

  static StatementMix read(Fields f) {
    double[] shares = new double[StatementMix.KINDS.size()];
    double sum = 0;
    List<String> terms = new ArrayList<>();
    String written = null; // the first share the user wrote: where the error points
    for (int i = 0; i < shares.length; i++) {
      String path = PATH + "." + StatementMix.KINDS.get(i);
      String allowed = "a share from 0 to 1, e.g. 0.25";
      shares[i] = f.number(path, allowed);
      f.check(shares[i] >= 0 && shares[i] <= 1, path, allowed);
      sum += shares[i];
      if (written == null && !f.fromDefaults(path)) {
        written = path;
      }
      if (shares[i] > 0) {
        terms.add(StatementMix.KINDS.get(i) + " " + format(shares[i])
            + (f.fromDefaults(path) ? " (the default)" : ""));
      }
    }
    if (Math.abs(sum - 1) > TOLERANCE) {
      String message = "%s adds up to %s, not 1: %s; the shares of %s must add up to 1";
      throw f.fail(written == null ? PATH : written, String.format(Locale.ROOT, message, PATH, format(sum),
          terms.isEmpty() ? "every share is 0" : String.join(" + ", terms), Suggestions.and(StatementMix.KINDS)));
    }
    return new StatementMix(shares[0], shares[1], shares[2], shares[3], shares[4], shares[5], shares[6]);
  }

  private static String format(double v) {
    String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
