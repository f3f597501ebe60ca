package dev.replsim.metrics;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The whole distributions behind the percentiles in {@code summary.json}, as points for
 * {@code latency.csv}: commit latency, and each follower's apply and receive lag. The points come
 * from HdrHistogram's percentile iteration, dense where the distribution's tail is (five points
 * per halving of the distance to 100%), so a CDF of a million values takes a few hundred rows.
 */
public final class LatencyCurves {

  private static final int TICKS_PER_HALF_DISTANCE = 5;

  private LatencyCurves() {}

  /** The curves of everything the recorder measured; call after the run's last sample. */
  public static List<LatencyPoint> of(Recorder recorder) {
    List<LatencyPoint> points = new ArrayList<>();
    add(points, "commit_latency", recorder.leader(), recorder.commitLatency().total());
    for (FollowerTrack f : recorder.followers()) {
      add(points, "apply_lag", f.name, f.applyLag.total());
    }
    for (FollowerTrack f : recorder.followers()) {
      add(points, "receive_lag", f.name, f.receiveLag.total());
    }
    return points;
  }

  static void add(List<LatencyPoint> points, String metric, String node, Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return;
    }
    double lastValue = -1;
    double lastPercentile = -1;
    for (HistogramIterationValue v : micros.percentiles(TICKS_PER_HALF_DISTANCE)) {
      double value = LatencyStats.ms(v.getValueIteratedTo());
      double percentile = Math.min(100.0, round(v.getPercentileLevelIteratedTo()));
      if (value != lastValue || percentile != lastPercentile) {
        points.add(new LatencyPoint(metric, node, value, percentile));
        lastValue = value;
        lastPercentile = percentile;
      }
    }
  }

  /** Percentiles to 1e-6, so a CSV row does not carry floating-point noise. */
  private static double round(double percentile) {
    return Math.round(percentile * 1e6) / 1e6;
  }
}
