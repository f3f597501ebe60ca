package dev.replsim.cli;

import dev.replsim.metrics.OutputWriter;
import dev.replsim.random.Durations;
import dev.replsim.report.ReportWriter;
import dev.replsim.scenario.Scenario;
import dev.replsim.sim.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code replsim run}: loads a scenario, refuses an output directory it must not write to, runs the
 * scenario with a progress line, and only then creates the directory and writes the results, so a
 * failed run leaves nothing that looks complete.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ManifestVersion.class,
    description = "Run a scenario and write its results to an output directory.")
final class RunCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Mixin ScenarioOptions scenario;



  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    return main.outcome(spec, this::run);
  }

  private int run() throws Exception {
    Scenario loaded = main.scenarios().load(scenario.file, scenario.overrides());
    Path dir = output.directory(loaded, main.clock());
    Optional<String> refusal = output.refusal(dir);
    if (refusal.isPresent()) {
      return main.badInput(spec, refusal.get());
    }
    PrintWriter console = spec.commandLine().getOut();
    console.println("running " + loaded.simulation().name() + ": seed " + loaded.simulation().seed() + ", "
        + Durations.format(loaded.simulation().duration().toNanos() / 1000) + ", "
        + loaded.followers().size() + " followers; results go to " + dir);
    console.flush();
    ProgressLine progress = new ProgressLine(console, main.terminal(), System::nanoTime);
    RunResult result;
    try {
      result = main.runner().run(loaded, progress);
    } finally {
      progress.finish();
    }
    ReportWriter.prepare();
    try {
      Files.createDirectories(dir);
      OutputWriter.write(dir, loaded, result);
    } catch (IOException e) {
      spec.commandLine().getErr().println("run finished but its results could not be written to " + dir + ": " + e);
      return ExitCode.RUN_FAILED;
    }
    if (!Reports.draw(dir, spec.commandLine().getErr())) {
      return ExitCode.RUN_FAILED;
    }
    new RunReport(console).print(result.summary(), dir);
    return ExitCode.OK;
  }

}
