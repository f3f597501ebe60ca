package dev.replsim.report;

import java.util.Locale;

/** Escaping and number formats shared by the report's pages and its SVG; locale-independent. */
final class Html {

  private Html() {}

  /** Text or an attribute value, escaped for HTML and SVG. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }

  /** Milliseconds for tables: {@code 0.12}, {@code 33.5}, {@code 1,204}. */
  static String ms(double ms) {
    if (Double.isNaN(ms)) {
      return "–";
    }
    double a = Math.abs(ms);
    String pattern = a >= 1000 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, pattern, ms);
  }

  /** A moment of the run in ms for prose: {@code 9,500} or {@code 9,512.25}. */
  static String time(double ms) {
    return ms == Math.rint(ms) ? String.format(Locale.ROOT, "%,.0f", ms) : String.format(Locale.ROOT, "%,.2f", ms);
  }

  /** A count with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A rate such as writes per second. */
  static String rate(double perSec) {
    return String.format(Locale.ROOT, perSec >= 100 ? "%,.0f" : "%,.1f", perSec);
  }

  /** Bytes in binary units: {@code 312 B}, {@code 1.5 MiB}. */
  static String bytes(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** A coordinate for SVG: one decimal, no exponent. */
  static String px(double v) {
    return fixed(new StringBuilder(12), v, 1).toString();
  }

  /**
   * Appends {@code v} with {@code decimals} decimals (at most 6), without String.format's cost: a
   * sequence diagram writes tens of thousands of numbers.
   */
  static StringBuilder fixed(StringBuilder out, double v, int decimals) {
    long scale = 1;
    for (int i = 0; i < decimals; i++) {
      scale *= 10;
    }
    long n = Math.round(Math.abs(v) * scale);
    if (v < 0 && n != 0) {
      out.append('-');
    }
    out.append(n / scale);
    if (decimals > 0) {
      out.append('.');
      String fraction = Long.toString(n % scale + scale);
      out.append(fraction, 1, fraction.length());
    }
    return out;
  }
}
