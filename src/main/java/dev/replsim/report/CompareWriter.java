package dev.replsim.report;

import dev.replsim.metrics.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a comparison of finished runs, {@code comparison.csv} and {@code comparison.html}, into
 * a directory of its own; the runs' directories are only read.
 */
public final class CompareWriter {

  public static final String CSV = "comparison.csv";
  public static final String HTML = "comparison.html";

  private CompareWriter() {}

  /** Reads every run, failing on the first that is not a finished run. */
  public static Comparison read(List<Path> runDirs) throws RunFilesException {
    List<RunData> runs = new ArrayList<>();
    for (Path dir : runDirs) {
      runs.add(RunFiles.read(dir));
    }
    return new Comparison(runs);
  }

  /** Writes both files into {@code out}, which must exist; returns them. */
  public static List<Path> write(Comparison comparison, Path out) throws IOException {
    String csv = ComparisonCsv.of(comparison);
    String html = new ComparisonPage(comparison).html();
    Path csvFile = out.resolve(CSV);
    Path htmlFile = out.resolve(HTML);
    AtomicFiles.write(csvFile, w -> w.write(csv));
    AtomicFiles.write(htmlFile, w -> w.write(html));
    return List.of(csvFile, htmlFile);
  }
}
