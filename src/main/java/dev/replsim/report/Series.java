package dev.replsim.report;

/**
 * One line of a chart: {@code y} against {@code x}, in the order measured (x ascending for time
 * series, as the run samples them).
 */
public record Series(double[] x, double[] y) {

  public Series {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
    }
  }

  public int size() {
    return x.length;
  }

  public boolean isEmpty() {
    return x.length == 0;
  }

  /** The largest y, or 0 for an empty series. */
  public double maxY() {
    double max = 0;
    for (double v : y) {
      max = Math.max(max, v);
    }
    return max;
  }

  /** A copy with x divided by {@code factor}, e.g. milliseconds to seconds. */
  public Series scaleX(double factor) {
    double[] scaled = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      scaled[i] = x[i] / factor;
    }
    return new Series(scaled, y);
  }

  /**
   * The rate of change of y per second of x (x in milliseconds), between consecutive points: for
   * positions such as {@code applied_lsn}, entries applied per second.
   */
  public Series ratePerSecond() {
    if (x.length < 2) {
      return new Series(new double[0], new double[0]);
    }
    double[] rx = new double[x.length - 1];
    double[] ry = new double[x.length - 1];
    for (int i = 1; i < x.length; i++) {
      double dt = x[i] - x[i - 1];
      rx[i - 1] = x[i];
      ry[i - 1] = dt <= 0 ? 0 : Math.max(0, (y[i] - y[i - 1]) * 1000.0 / dt);
    }
    return new Series(rx, ry);
  }
}
