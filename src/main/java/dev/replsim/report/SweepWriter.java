package dev.replsim.report;

import dev.replsim.metrics.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a sweep's own files beside its runs' directories: {@code sweep.csv}, one row per run, and
 * {@code sweep.html}, its figures against each varied key.
 */
public final class SweepWriter {

  public static final String CSV = "sweep.csv";
  public static final String HTML = "sweep.html";

  private SweepWriter() {}

  /**
   * Writes both files into {@code out}, which must exist.
   *
   * @param scenario the scenario's name, for the page's heading
   * @param keys the varied keys, in the order of the rows' values
   * @param followers every follower of any run, in order: {@code sweep.csv}'s lag columns
   * @param rows every run, in the sweep's order
   */
  public static void write(Path out, String scenario, List<String> keys, List<String> followers, List<SweepRow> rows)
      throws IOException {
    String csv = new SweepTable(keys, followers, rows).csv();
    String html = new SweepPage(scenario, keys, rows).html();
    AtomicFiles.write(out.resolve(CSV), w -> w.write(csv));
    AtomicFiles.write(out.resolve(HTML), w -> w.write(html));
  }
}
