package dev.replsim.report;

import dev.replsim.metrics.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes {@code report.html} into a finished run's directory, drawn from the run's files alone,
 * so the report written at the end of {@code replsim run} and one drawn again later by
 * {@code replsim report DIR} are the same.
 */
public final class ReportWriter {

  public static final String REPORT = "report.html";

  private static final AtomicBoolean PREPARED = new AtomicBoolean();

  private ReportWriter() {}

  /**
   * Starts loading the chart library and its fonts (the slow part of a first report) on a
   * background thread, so that it overlaps other work: call it when a run has finished, before
   * its results are written. Does nothing the second time.
   */
  public static void prepare() {
    if (PREPARED.compareAndSet(false, true)) {
      Thread warmUp = new Thread(Charts::warmUp, "replsim-report-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
  }

  /** Writes {@code dir/report.html}; the diagram shows the default window. Returns the file. */
  public static Path write(Path dir) throws RunFilesException, IOException {
    return write(dir, Optional.empty());
  }

  /** Writes {@code dir/report.html}, the diagram showing {@code window} if given. Returns the file. */
  public static Path write(Path dir, Optional<SequenceWindow> window) throws RunFilesException, IOException {
    ExecutorService pool = pool();
    try {
      pool.submit(Charts::warmUp);
      RunData run = RunFiles.read(dir);
      String html = new RunPage(run).html(window, pool);
      Path file = dir.resolve(REPORT);
      AtomicFiles.write(file, out -> out.write(html));
      return file;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Two threads for the charts: when a run has finished both cores are free, and drawing the
   * first chart (loading the chart library and the fonts) overlaps reading the run's files.
   */
  static ExecutorService pool() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "replsim-report-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }
}
