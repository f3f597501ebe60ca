package dev.replsim.report;

import dev.replsim.check.StaleReads;
import dev.replsim.sweep.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sweep's runs grouped for one varied key: that key's values (the x axis) and the combinations
 * of the other keys' values (one series each), both in the sweep's order, and a figure's median,
 * least and greatest over the finished runs of each point.
 */
final class SweepPoints {

  /** The figure at one x of one series, over {@code runs} finished runs. */
  record Point(String series, String x, double position, int runs, double median, double min, double max) {}

  private final List<String> keys;
  private final int key;
  private final List<SweepRow> rows;
  private final List<String> xs;
  private final List<List<String>> series;

  SweepPoints(List<String> keys, int key, List<SweepRow> rows) {
    this.keys = keys;
    this.key = key;
    this.rows = rows;
    Set<String> xs = new LinkedHashSet<>();
    Set<List<String>> series = new LinkedHashSet<>();
    for (SweepRow r : rows) {
      xs.add(r.values().get(key));
      series.add(others(r));
    }
    this.xs = List.copyOf(xs);
    this.series = List.copyOf(series);
  }

  List<String> xs() {
    return xs;
  }

  /** The key's values as numbers when each is a number in one shared unit; empty for categories. */
  Optional<List<Quantity>> numeric() {
    List<Quantity> numbers = new ArrayList<>();
    for (String x : xs) {
      Optional<Quantity> q = Quantity.parse(x);
      if (q.isEmpty() || !q.get().unit().equals(numbers.isEmpty() ? q.get().unit() : numbers.get(0).unit())) {
        return Optional.empty();
      }
      numbers.add(q.get());
    }
    return Optional.of(numbers);
  }

  /** The series' names, {@code key = value, ...} of the other keys, or {@code all runs} when only one key varies. */
  List<String> seriesNames() {
    return series.stream().map(this::name).toList();
  }

  /** The points of {@code metric}, series by series, x by x; points without a finished run are left out. */
  List<List<Point>> points(SweepMetric metric) {
    Optional<List<Quantity>> numbers = numeric();
    List<List<Point>> out = new ArrayList<>();
    for (List<String> s : series) {
      List<Point> line = new ArrayList<>();
      for (int i = 0; i < xs.size(); i++) {
        List<Double> values = new ArrayList<>();
        for (SweepRow r : rows) {
          if (r.finished() && r.values().get(key).equals(xs.get(i)) && others(r).equals(s)) {
            double v = metric.value().applyAsDouble(r.summary());
            if (!Double.isNaN(v)) {
              values.add(v);
            }
          }
        }
        if (!values.isEmpty()) {
          double position = numbers.isPresent() ? numbers.get().get(i).value() : i;
          line.add(new Point(name(s), xs.get(i), position, values.size(), StaleReads.Amounts.of(values).p50(),
              values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
              values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
        }
      }
      out.add(line);
    }
    return out;
  }

  private List<String> others(SweepRow r) {
    List<String> others = new ArrayList<>(r.values());
    others.remove(key);
    return others;
  }

  private String name(List<String> others) {
    if (others.isEmpty()) {
      return "all runs";
    }
    List<String> parts = new ArrayList<>();
    for (int k = 0, o = 0; k < keys.size(); k++) {
      if (k != key) {
        parts.add(keys.get(k) + " = " + others.get(o++));
      }
    }
    return String.join(", ", parts);
  }
}
