package dev.replsim.scenario;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a link's bandwidth: {@code unlimited}, a number of bytes per second, or a number with a
 * unit in SI (decimal) units, as network equipment is rated: {@code 100kB/s} is 100,000 bytes/s,
 * {@code 10Mbit/s} is 1,250,000 bytes/s. Bits are written {@code bit}, bytes {@code B}, so that
 * {@code Mb/s} and {@code MB/s} cannot be confused.
 */
final class BandwidthReader {

  static final String ALLOWED =
      "unlimited, a number of bytes per second, or a number with a unit: B/s, kB/s, MB/s, GB/s,"
          + " bit/s, kbit/s, Mbit/s or Gbit/s (SI units: 1 kB/s = 1000 bytes/s)";

  private static final Pattern WITH_UNIT =
      Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*([kKMG]?)(B|bit)/s\\s*");
  private static final Pattern BPS = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*([kKMG]?)bps\\s*");
  private static final Map<String, Integer> PREFIX =
      Map.of("", 0, "k", 3, "K", 3, "M", 6, "G", 9);

  private BandwidthReader() {}

  /** Bytes per second, 0 for unlimited (as {@code LinkProfile} counts it). */
  static long bytesPerSecond(Fields f, String path) {
    ConfigValue value = f.raw(path);
    if (value != null && value.valueType() == ConfigValueType.STRING) {
      String text = (String) value.unwrapped();
      if (text.equals("unlimited")) {
        return 0;
      }
      Matcher unit = WITH_UNIT.matcher(text);
      if (unit.matches()) {
        BigDecimal bytes = new BigDecimal(unit.group(1)).movePointRight(PREFIX.get(unit.group(2)));
        if (unit.group(3).equals("bit")) {
          bytes = bytes.divide(BigDecimal.valueOf(8));
        }
        return checked(f, path, bytes);
      }
      Matcher bps = BPS.matcher(text);
      if (bps.matches()) {
        // "bps" is bits to some and bytes to others; say both rather than guess
        String amount = bps.group(1) + (bps.group(2).equals("K") ? "k" : bps.group(2));
        String message = "is not a bandwidth: write %sbit/s for bits or %sB/s for bytes per second";
        throw f.bad(path, String.format(message, amount, amount));
      }
      throw f.bad(path, "is not a bandwidth: must be " + ALLOWED);
    }
    BigDecimal number = BigDecimal.valueOf(f.number(path, ALLOWED));
    return checked(f, path, number);
  }

  /** At least one byte per second, rounded to a whole number, and within a long. */
  private static long checked(Fields f, String path, BigDecimal bytes) {
    if (bytes.signum() == 0) {
      throw f.bad(path, "is not a bandwidth: write unlimited for a link without a limit");
    }
    f.check(bytes.compareTo(BigDecimal.ONE) >= 0 && bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0,
        path, "at least 1 B/s (8 bit/s), or unlimited");
    return bytes.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
