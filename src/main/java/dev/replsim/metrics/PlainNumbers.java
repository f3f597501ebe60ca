package dev.replsim.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Numbers as every output file writes them: plain decimal notation (never {@code 1.0E7}), a dot as
 * the decimal separator whatever the locale, so pandas, R and spreadsheets read them unchanged.
 */
final class PlainNumbers {

  /** Integral doubles up to this magnitude are exact as longs, so they print without a fraction. */
  private static final double EXACT_LONG = 1e15;

  private PlainNumbers() {}

  /** For CSV: {@code 12}, {@code 0.125}, {@code NaN}, {@code inf}. */
  static String csv(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).toPlainString();
  }

  /** For JSON: like {@link #csv} but a double keeps its fraction ({@code 12.0}); null if not finite. */
  static String json(double value) {
    if (!Double.isFinite(value)) {
      return null;
    }
    String plain = csv(value);
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }

  /** A Jackson module that writes every {@code double} and {@code Double} through {@link #json}. */
  static SimpleModule jacksonModule() {
    SimpleModule module = new SimpleModule("plain-doubles");
    module.addSerializer(Double.class, new DoubleSerializer());
    module.addSerializer(double.class, new DoubleSerializer());
    return module;
  }

  private static final class DoubleSerializer extends StdSerializer<Double> {
    DoubleSerializer() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      String text = json(value);
      if (text == null) {
        gen.writeNull();
      } else {
        gen.writeNumber(text);
      }
    }
  }
}
