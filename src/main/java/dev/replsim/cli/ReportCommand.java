package dev.replsim.cli;

import dev.replsim.report.ReportWriter;
import dev.replsim.report.RunFilesException;
import dev.replsim.report.SequenceWindow;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code replsim report}: draws a finished run's {@code report.html} again from the files in its
 * directory, e.g. after upgrading replsim, or with the message-sequence diagram on another window.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ManifestVersion.class,
    description = "Draw a finished run's report.html again from the files in its directory.")
final class ReportCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A finished run's output directory (it holds summary.json).")
  Path dir;

  @Option(
      names = "--window",
      paramLabel = "FROM..TO",
      description = "The message-sequence diagram's window, in run time, e.g. 9.5s..11.5s"
          + " (default: report.sequence-window around the first fault, or from the start).")
  String window;

  @Override
  public Integer call() {
    return main.outcome(spec, () -> {
      Optional<SequenceWindow> chosen;
      try {
        chosen = WindowOption.parse(window);
      } catch (IllegalArgumentException e) {
        return main.badInput(spec, "--window " + window + ": " + e.getMessage());
      }
      Path file;
      try {
        file = ReportWriter.write(dir, chosen);
      } catch (RunFilesException e) {
        return main.badInput(spec, e.getMessage());
      }
      spec.commandLine().getOut().println("report           " + file.toAbsolutePath().normalize());
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    });
  }
}
