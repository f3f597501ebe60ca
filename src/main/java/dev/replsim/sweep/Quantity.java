package dev.replsim.sweep;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting's value read as a number and a unit: {@code 10ms}, {@code 0.5}, {@code 1%},
 * {@code 10Mbit/s}. Sweeps use it to expand ranges and to put a varied key on a numeric axis;
 * values that are not one number and a unit (modes, objects) are categories.
 *
 * @param unit the text after the number, {@code ""} for a plain number
 */
public record Quantity(BigDecimal number, String unit) {

  private static final Pattern FORM = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*([A-Za-z%][A-Za-z%/]*)?\\s*");

  /** {@code text} as a number and a unit, or empty if it is not one. */
  public static Optional<Quantity> parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Quantity(new BigDecimal(m.group(1)), m.group(2) == null ? "" : m.group(2)));
  }

  /** The number as a double, for a chart's axis. */
  public double value() {
    return number.doubleValue();
  }

  /** As a setting takes it: {@code 10ms}, {@code 12.5ms}, {@code 0.25}. */
  @Override
  public String toString() {
    BigDecimal plain = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    return plain.toPlainString() + unit;
  }
}
