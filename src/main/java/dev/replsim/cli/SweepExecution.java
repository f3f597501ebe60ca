package dev.replsim.cli;

import dev.replsim.batch.Batch;
import dev.replsim.metrics.OutputWriter;
import dev.replsim.metrics.RunResult;
import dev.replsim.metrics.Summary;
import dev.replsim.report.ReportWriter;
import dev.replsim.report.RunFiles;
import dev.replsim.report.RunFilesException;
import dev.replsim.report.SweepRow;
import dev.replsim.report.SweepWriter;
import dev.replsim.scenario.Scenario;
import dev.replsim.sim.RunListener;
import dev.replsim.sweep.SweepPlan;
import dev.replsim.sweep.SweepRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Carries out a checked sweep in its directory: keeps the runs a resumed sweep already finished,
 * clears and reruns the others on a {@link Batch} with a progress bar, each writing its results
 * and report as {@code replsim run} does, then writes {@code sweep.csv} and {@code sweep.html}.
 */
final class SweepExecution {

  private final Main main;
  private final CommandSpec spec;
  private final Path dir;
  private final SweepPlan plan;
  private final List<SweepRun> runs;
  private final List<Scenario> scenarios;
  private final int parallel;
  private final boolean resume;

  /**
   * @param runs the plan's runs, in order
   * @param scenarios each run's checked scenario, in the same order
   * @param resume keep the runs the directory holds finished; otherwise every run runs afresh
   */
  SweepExecution(Main main, CommandSpec spec, Path dir, SweepPlan plan, List<SweepRun> runs,
      List<Scenario> scenarios, int parallel, boolean resume) {
    this.main = main;
    this.spec = spec;
    this.dir = dir;
    this.plan = plan;
    this.runs = runs;
    this.scenarios = scenarios;
    this.parallel = parallel;
    this.resume = resume;
  }

  /** Runs what is left to run and writes the sweep's files; exit code 1 if any run failed. */
  int run(String name) throws IOException, InterruptedException {
    PrintWriter console = spec.commandLine().getOut();
    Map<String, Summary> finished = new HashMap<>();
    List<Batch.Job<Summary>> jobs = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      SweepRun run = runs.get(i);
      Path runDir = dir.resolve(run.id());
      Summary kept = resume ? finishedRun(runDir) : null;
      if (kept != null) {
        finished.put(run.id(), kept);
      } else {
        clear(runDir);
        Scenario scenario = scenarios.get(i).withOutputDir(runDir.toString());
        jobs.add(new Batch.Job<>(run.id(), () -> runInto(runDir, scenario)));
      }
    }
    console.println("sweeping " + name + ": " + runs.size() + " runs (" + runs.size() / Math.max(1, seedsPerCombination())
        + " combinations x " + seedsPerCombination() + " seeds) in " + time() + " time, " + parallel
        + " at a time; results go to " + dir
        + (finished.isEmpty() ? "" : "\nresuming: " + finished.size() + " runs already finished, " + jobs.size()
            + " to run"));
    console.flush();
    BatchProgress progress = new BatchProgress(spec.commandLine().getErr(), main.terminal(), System::nanoTime, "runs");
    List<Batch.Outcome<Summary>> outcomes;
    try {
      outcomes = Batch.run(jobs, parallel, progress);
    } finally {
      progress.finish();
    }
    outcomes.forEach(o -> finished.put(o.id(), o.value()));
    Map<String, String> errors = new HashMap<>();
    outcomes.stream().filter(Batch.Outcome::failed).forEach(o -> errors.put(o.id(), message(o.failure())));
    List<SweepRow> rows = new ArrayList<>();
    for (SweepRun run : runs) {
      rows.add(new SweepRow(run.id(), run.values(), run.seed(), finished.get(run.id()), errors.get(run.id())));
    }
    SweepWriter.write(dir, name, plan.keys(), followers(), rows);
    console.println("ran " + jobs.size() + " runs (" + errors.size() + " failed)"
        + (jobs.size() == runs.size() ? "" : ", kept " + (runs.size() - jobs.size()) + " finished before"));
    console.println("table            " + dir.resolve(SweepWriter.CSV));
    console.println("charts           " + dir.resolve(SweepWriter.HTML));
    console.flush();
    return errors.isEmpty() ? ExitCode.OK : ExitCode.RUN_FAILED;
  }

  /** One run, silent (the sweep draws one progress bar), its results and report written into {@code runDir}. */
  private Summary runInto(Path runDir, Scenario scenario) throws Exception {
    RunResult result = main.runner().run(scenario, RunListener.SILENT);
    Files.createDirectories(runDir);
    OutputWriter.write(runDir, scenario, result);
    ReportWriter.write(runDir);
    return result.summary();
  }

  /**
   * The summary of a run its directory holds complete ({@code summary.json} is written last and
   * atomically), its report drawn again if the sweep stopped before it; null when it is unfinished.
   */
  private static Summary finishedRun(Path runDir) throws IOException {
    if (!Files.isRegularFile(runDir.resolve(OutputWriter.SUMMARY))) {
      return null;
    }
    try {
      Summary summary = RunFiles.summary(runDir);
      if (!Files.isRegularFile(runDir.resolve(ReportWriter.REPORT))) {
        ReportWriter.write(runDir);
      }
      return summary;
    } catch (RunFilesException e) {
      return null;
    }
  }

  /** Deletes what an unfinished run left, so its rerun starts from nothing. */
  private static void clear(Path runDir) throws IOException {
    if (!Files.exists(runDir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(runDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Every follower of any run, in order: a sweep may vary cluster.followers. */
  private List<String> followers() {
    Set<String> all = new LinkedHashSet<>();
    for (Scenario s : scenarios) {
      all.addAll(s.followers());
      all.addAll(s.addedNodes());
    }
    return List.copyOf(all);
  }

  private int seedsPerCombination() {
    return (int) runs.stream().map(SweepRun::seed).distinct().count();
  }

  private String time() {
    Set<String> times = new LinkedHashSet<>();
    scenarios.forEach(s -> times.add(ScenarioOptions.TimeConverter.name(s.simulation().time())));
    return String.join(" and ", times);
  }

  private static String message(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int newline = m.indexOf('\n');
    return newline < 0 ? m : m.substring(0, newline);
  }
}
