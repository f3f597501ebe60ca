package dev.replsim.cli;

import dev.replsim.report.CompareWriter;
import dev.replsim.report.Comparison;
import dev.replsim.report.RunFilesException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code replsim compare}: puts finished runs side by side, e.g. one scenario under each
 * replication method or commit mode, as {@code comparison.csv} (for notebooks) and
 * {@code comparison.html} (their lag, commit latency and throughput overlaid).
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ManifestVersion.class,
    description = "Compare finished runs: writes comparison.csv and comparison.html.")
final class CompareCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Finished runs' output directories.")
  List<Path> dirs;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    return main.outcome(spec, () -> {
      Path out = output.directory("comparison", main.clock());
      Optional<String> refusal = output.refusal(out);
      if (refusal.isPresent()) {
        return main.badInput(spec, refusal.get());
      }
      for (Path dir : dirs) {
        if (dir.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
          return main.badInput(spec, "--out " + out + " is one of the runs compared; give the comparison a directory"
              + " of its own");
        }
      }
      Comparison comparison;
      try {
        comparison = CompareWriter.read(dirs);
      } catch (RunFilesException e) {
        return main.badInput(spec, e.getMessage());
      }
      Files.createDirectories(out);
      List<Path> files = CompareWriter.write(comparison, out);
      PrintWriter console = spec.commandLine().getOut();
      console.println("compared " + dirs.size() + " run" + (dirs.size() == 1 ? "" : "s"));
      for (Path f : files) {
        console.println("  " + f.toAbsolutePath().normalize());
      }
      console.flush();
      return ExitCode.OK;
    });
  }
}
