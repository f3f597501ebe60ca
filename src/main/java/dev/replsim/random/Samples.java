package dev.replsim.random;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.Erfc;

/** Small numeric helpers shared by the distributions: rounding samples and the normal CDF. */
final class Samples {

  private static final double SQRT2 = Math.sqrt(2);

  private Samples() {}

  /** A real-valued sample as whole microseconds, within {@code [0, MAX_SAMPLE_MICROS]}. */
  static long micros(double x) {
    if (!(x > 0)) {
      return 0;
    }
    return x >= Distribution.MAX_SAMPLE_MICROS ? Distribution.MAX_SAMPLE_MICROS : Math.round(x);
  }

  /** The standard normal distribution function, through erfc so that both tails are accurate. */
  static double phi(double z) {
    return 0.5 * Erfc.value(-z / SQRT2);
  }

  /** The standard normal density. */
  static double density(double z) {
    return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  }

  /** A parameter as people write it: {@code 2} rather than {@code 2.0}, {@code 0.5}. */
  static String number(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }

  /** Composite Simpson's rule for {@code f} on {@code [a, b]}; {@code intervals} must be even. */
  static double integrate(DoubleUnaryOperator f, double a, double b, int intervals) {
    double h = (b - a) / intervals;
    double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
    for (int i = 1; i < intervals; i++) {
      sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
    }
    return sum * h / 3;
  }
}
