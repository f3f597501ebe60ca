package dev.replsim.cli;

import dev.replsim.metrics.OutputWriter;
import dev.replsim.metrics.Summary;
import dev.replsim.random.Durations;
import dev.replsim.report.ReportWriter;
import dev.replsim.scenario.Scenario;
import dev.replsim.metrics.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * failed run leaves nothing that looks complete. A scenario with {@code variants} runs each variant
 * in turn into a directory of its own and ends with a table comparing them.
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

  @Mixin CheckOptions checks;

  @Override
  public Integer call() {
    return main.outcome(spec, this::run);
  }

  private int run() throws Exception {
    Scenario chosen = main.scenarios().load(scenario.file, checks.after(scenario.overrides()));
    Path dir = output.directory(chosen, main.clock());
    Scenario loaded = chosen.withOutputDir(dir.toString()); // durable journals live under it
    Optional<String> refusal = output.refusal(dir);
    if (refusal.isPresent()) {
      return main.badInput(spec, refusal.get());
    }
    PrintWriter console = spec.commandLine().getOut();
    if (!loaded.variants().isEmpty()) {
      return runVariants(loaded, dir, console);
    }
    console.println("running " + loaded.simulation().name() + ": seed " + loaded.simulation().seed() + ", "
        + Durations.format(loaded.simulation().duration().toNanos() / 1000) + ", "
        + loaded.followers().size() + " followers; results go to " + dir);
    console.flush();
    RunResult result = runWithProgress(loaded, console);
    if (!write(dir, loaded, result)) {
      return ExitCode.RUN_FAILED;
    }
    if (!Reports.draw(dir, spec.commandLine().getErr())) {
      return ExitCode.RUN_FAILED;
    }
    new RunReport(console).print(result.summary(), result.host(), dir);
    return ExitCode.OK;
  }

  /**
   * Runs each variant in turn into {@code <dir>/<variant>/}, then prints a table comparing them.
   * A variant's results are written as soon as it finishes, so a failure later keeps them.
   */
  private int runVariants(Scenario loaded, Path dir, PrintWriter console) throws Exception {
    List<String> names = loaded.variants().stream().map(Scenario.Variant::name).toList();
    console.println("running " + loaded.simulation().name() + " in " + names.size() + " variants ("
        + String.join(", ", names) + "): seed " + loaded.simulation().seed() + ", "
        + Durations.format(loaded.simulation().duration().toNanos() / 1000) + " each; results go to "
        + dir.resolve("<variant>"));
    Map<String, Summary> summaries = new LinkedHashMap<>();
    for (Scenario.Variant variant : loaded.variants()) {
      console.println("variant " + variant.name());
      console.flush();
      RunResult result = runWithProgress(variant.scenario().withOutputDir(dir.resolve(variant.name()).toString()),
          console);
      if (!write(dir.resolve(variant.name()), variant.scenario(), result)
          || !Reports.draw(dir.resolve(variant.name()), spec.commandLine().getErr())) {
        return ExitCode.RUN_FAILED;
      }
      summaries.put(variant.name(), result.summary());
    }
    new ComparisonTable(console).print(summaries, dir);
    return ExitCode.OK;
  }

  private RunResult runWithProgress(Scenario scenario, PrintWriter console) throws Exception {
    ProgressLine progress = new ProgressLine(console, main.terminal(), System::nanoTime);
    try {
      return main.runner().run(scenario, progress);
    } finally {
      progress.finish();
    }
  }

  /** Creates the directory and writes the results into it; false (and says why) if it cannot. */
  private boolean write(Path dir, Scenario scenario, RunResult result) {
    ReportWriter.prepare(); // loads the chart library on a spare thread while the results are written
    try {
      Files.createDirectories(dir);
      OutputWriter.write(dir, scenario, result);
      return true;
    } catch (IOException e) {
      spec.commandLine().getErr().println("run finished but its results could not be written to " + dir + ": " + e);
      return false;
    }
  }
}
