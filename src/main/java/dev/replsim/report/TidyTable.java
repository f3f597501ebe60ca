package dev.replsim.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tidy long-format CSV as replsim writes them ({@code x,node,metric,value}: one measurement per
 * row), read into one {@link Series} per metric and node. {@code timeseries.csv} has {@code t_ms}
 * as its x column; {@code reads.csv} has {@code t_since_commit_ms}.
 */
public final class TidyTable {

  private final String xColumn;
  /** metric -> node -> series, in the order first seen. */
  private final Map<String, Map<String, Series>> series;

  private TidyTable(String xColumn, Map<String, Map<String, Series>> series) {
    this.xColumn = xColumn;
    this.series = series;
  }

  /** A table with no rows, for a file a run did not write. */
  public static TidyTable empty(String xColumn) {
    return new TidyTable(xColumn, new LinkedHashMap<>());
  }

  /** Reads {@code file}, whose header must be {@code <xColumn>,node,metric,value}. */
  public static TidyTable read(Path file, String xColumn) throws RunFilesException {
    String header = xColumn + ",node,metric,value";
    Map<String, Map<String, Points>> points = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null || !first.strip().equals(header)) {
        throw new RunFilesException(file + ": expected the header " + header + ", found " + first);
      }
      String line;
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 4) {
          throw new RunFilesException(file + ":" + number + ": expected 4 fields (" + header + "), found "
              + f.length);
        }
        points.computeIfAbsent(f[2], m -> new LinkedHashMap<>())
            .computeIfAbsent(f[1], n -> new Points())
            .add(number(file, number, f[0]), number(file, number, f[3]));
      }
    } catch (IOException e) {
      throw new RunFilesException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, Map<String, Series>> series = new LinkedHashMap<>();
    points.forEach((metric, byNode) -> {
      Map<String, Series> nodes = new LinkedHashMap<>();
      byNode.forEach((node, p) -> nodes.put(node, p.toSeries()));
      series.put(metric, nodes);
    });
    return new TidyTable(xColumn, series);
  }

  private static double number(Path file, int line, String text) throws RunFilesException {
    try {
      return text.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new RunFilesException(file + ":" + line + ": not a number: " + text, e);
    }
  }

  public String xColumn() {
    return xColumn;
  }

  /** Whether any row has this metric. */
  public boolean has(String metric) {
    return series.containsKey(metric);
  }

  /** The nodes that have rows of this metric, in the order first seen. */
  public List<String> nodes(String metric) {
    return new ArrayList<>(series.getOrDefault(metric, Map.of()).keySet());
  }

  /** A metric's values at one node; empty if it has none. */
  public Series series(String metric, String node) {
    Series s = series.getOrDefault(metric, Map.of()).get(node);
    return s == null ? new Series(new double[0], new double[0]) : s;
  }

  /** The largest x of any row, or 0. */
  public double maxX() {
    double max = 0;
    for (Map<String, Series> byNode : series.values()) {
      for (Series s : byNode.values()) {
        if (!s.isEmpty()) {
          max = Math.max(max, s.x()[s.size() - 1]);
        }
      }
    }
    return max;
  }

  /** A growing pair of primitive arrays: a long run has hundreds of thousands of rows. */
  private static final class Points {
    private double[] x = new double[64];
    private double[] y = new double[64];
    private int size;

    void add(double xv, double yv) {
      if (size == x.length) {
        x = java.util.Arrays.copyOf(x, size * 2);
        y = java.util.Arrays.copyOf(y, size * 2);
      }
      x[size] = xv;
      y[size] = yv;
      size++;
    }

    Series toSeries() {
      return new Series(java.util.Arrays.copyOf(x, size), java.util.Arrays.copyOf(y, size));
    }
  }
}
