package dev.replsim.report;

/**
 * Thins a long series for drawing without hiding its spikes: it splits the series into buckets
 * and keeps each bucket's lowest and highest point, in order. A day-long run sampled every 100 ms
 * has 864,000 points per line; a chart 1,100 pixels wide shows at most two per pixel anyway.
 */
final class Downsample {

  private Downsample() {}

  /** {@code s} itself if it has at most {@code maxPoints} points, else its min-max envelope. */
  static Series minMax(Series s, int maxPoints) {
    int n = s.size();
    if (n <= maxPoints || maxPoints < 4) {
      return s;
    }
    int buckets = maxPoints / 2;
    double[] x = new double[buckets * 2];
    double[] y = new double[buckets * 2];
    int out = 0;
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      if (from >= to) {
        continue;
      }
      int lo = from;
      int hi = from;
      for (int i = from; i < to; i++) {
        if (s.y()[i] < s.y()[lo]) {
          lo = i;
        }
        if (s.y()[i] > s.y()[hi]) {
          hi = i;
        }
      }
      int first = Math.min(lo, hi);
      int second = Math.max(lo, hi);
      x[out] = s.x()[first];
      y[out++] = s.y()[first];
      if (second != first) {
        x[out] = s.x()[second];
        y[out++] = s.y()[second];
      }
    }
    return new Series(java.util.Arrays.copyOf(x, out), java.util.Arrays.copyOf(y, out));
  }
}
