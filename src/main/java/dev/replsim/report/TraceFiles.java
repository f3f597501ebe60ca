package dev.replsim.report;

import dev.replsim.metrics.LatencyPoint;
import dev.replsim.metrics.OutputWriter;
import dev.replsim.metrics.TracedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code latency.csv} and {@code messages.csv} back, as {@link dev.replsim.metrics.OutputWriter} wrote them. */
final class TraceFiles {

  private TraceFiles() {}

  static List<LatencyPoint> latency(Path file) throws RunFilesException {
    List<LatencyPoint> points = new ArrayList<>();
    for (Row r : rows(file, OutputWriter.LATENCY_HEADER)) {
      points.add(new LatencyPoint(r.f[0], r.f[1], r.number(2), r.number(3)));
    }
    return points;
  }

  static List<TracedMessage> messages(Path file) throws RunFilesException {
    List<TracedMessage> messages = new ArrayList<>();
    for (Row r : rows(file, OutputWriter.MESSAGES_HEADER)) {
      boolean dropped = Boolean.parseBoolean(r.f[8]);
      messages.add(new TracedMessage(r.number(0), r.f[1].isEmpty() ? Double.NaN : r.number(1), r.f[2], r.f[3],
          r.f[4], r.lsn(5), r.lsn(6), (int) r.number(7), dropped));
    }
    return messages;
  }

  /** One data line, split on commas (replsim's CSVs never need quoting: names are [a-z0-9-]). */
  private record Row(Path file, int line, String[] f) {
    double number(int i) throws RunFilesException {
      try {
        return Double.parseDouble(f[i]);
      } catch (NumberFormatException e) {
        throw new RunFilesException(file + ":" + line + ": not a number: " + f[i], e);
      }
    }

    long lsn(int i) throws RunFilesException {
      return f[i].isEmpty() ? TracedMessage.NO_LSN : (long) number(i);
    }
  }

  private static List<Row> rows(Path file, String header) throws RunFilesException {
    List<Row> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new RunFilesException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
      throw new RunFilesException(file + ": expected the header " + header);
    }
    int columns = header.split(",").length;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] f = lines.get(i).split(",", -1);
      if (f.length != columns) {
        throw new RunFilesException(file + ":" + (i + 1) + ": expected " + columns + " fields (" + header
            + "), found " + f.length);
      }
      rows.add(new Row(file, i + 1, f));
    }
    return rows;
  }
}
