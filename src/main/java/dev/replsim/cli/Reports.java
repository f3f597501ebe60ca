package dev.replsim.cli;

import dev.replsim.report.CompareWriter;
import dev.replsim.report.ReportWriter;
import dev.replsim.report.RunFilesException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws the report of results that a command has just written, saying on stderr what went wrong
 * if it could not: the results themselves are written by then, and the message says so.
 */
final class Reports {

  private Reports() {}

  /** Writes {@code dir/report.html}; false (after a message) if it could not. */
  static boolean draw(Path dir, PrintWriter err) {
    try {
      ReportWriter.write(dir);
      return true;
    } catch (IOException | RunFilesException e) {
      err.println("results written to " + dir + ", but its report.html could not be drawn: " + e.getMessage());
      err.flush();
      return false;
    }
  }

  /** Writes the comparison of {@code runs} into {@code out}; false (after a message) if it could not. */
  static boolean compare(List<Path> runs, Path out, PrintWriter err) {
    try {
      CompareWriter.write(CompareWriter.read(runs), out);
      return true;
    } catch (IOException | RunFilesException e) {
      err.println("results written to " + out + ", but their comparison could not be drawn: " + e.getMessage());
      err.flush();
      return false;
    }
  }
}
