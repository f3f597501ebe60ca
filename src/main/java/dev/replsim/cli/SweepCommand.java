package dev.replsim.cli;

import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.SettingOverride;
import dev.replsim.scenario.TimeMode;
import dev.replsim.sweep.SweepManifest;
import dev.replsim.sweep.SweepPlan;
import dev.replsim.sweep.SweepRun;
import dev.replsim.sweep.Vary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code replsim sweep}: runs a scenario over the cross product of the {@code --vary} values, each
 * combination on {@code --seeds} seeds, on worker threads, each run into a directory of its own as
 * {@code replsim run} writes one, then {@code sweep.csv} and {@code sweep.html} over them all.
 * Every combination is loaded and checked before the first run, so bad input costs nothing and
 * leaves nothing on disk.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ManifestVersion.class,
    description = {
        "Run a scenario over every combination of --vary values, on several seeds and threads.",
        "Runs are in virtual time unless --time live. Seeds: run i (0..N-1) of each combination has seed"
            + " simulation.seed + i (the file's, or --seed). Each run writes <out>/<run-id>/ as"
            + " 'replsim run' does; a run id is KEY-VALUE for each varied key, then seed-N, joined by _"
            + " (e.g. network.delay.value-10ms_cluster.replication.mode-sync_seed-45). <out>/sweep.csv"
            + " has a row per run, <out>/sweep.html the figures against each varied key. Without --out,"
            + " results go to results/<name>-sweep-<timestamp>; --force reruns every run, clearing its directory"
            + " first. Exit code 1 if any run failed (its row in sweep.csv says why), 0 otherwise."})
final class SweepCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Mixin ScenarioOptions scenario;

  @Mixin OutputOptions output;

  @Option(
      names = "--vary",
      paramLabel = "KEY=V1,V2,...",
      converter = VaryConverter.class,
      description = "Values of one scenario key, each HOCON as --set takes it, split at top-level commas"
          + " ({a=1,b=2},{a=3,b=4} is two objects); FROM..TO/COUNT is COUNT evenly spaced values, both"
          + " ends included, e.g. network.delay.value=10ms..100ms/10. Repeatable: runs the cross product,"
          + " the first --vary outermost. Goes over --set.")
  List<Vary> varies = new ArrayList<>();

  @Option(names = "--seeds", paramLabel = "N", description = "Runs per combination, seeds simulation.seed to"
      + " simulation.seed + N - 1 (default: 1).")
  int seeds = 1;

  @Option(names = "--parallel", paramLabel = "P", description = "Runs at a time (default: the available processors"
      + " in virtual time; 1 in live time, since live runs measure real time and would share the cores).")
  Integer parallel;

  @Option(names = "--resume", description = "Go on with the sweep in --out DIR: keep its finished runs (those with a"
      + " summary.json), clear and rerun the rest. Refused if DIR holds a different sweep (sweep.json).")
  boolean resume;

  @Override
  public Integer call() {
    return main.outcome(spec, this::sweep);
  }

  private int sweep() throws Exception {
    Optional<String> wrong = checkFlags();
    if (wrong.isPresent()) {
      return main.badInput(spec, wrong.get());
    }
    List<SettingOverride> base = new ArrayList<>();
    base.add(new SettingOverride("sweep", "simulation.time=virtual")); // the default; --set or --time goes over it
    base.addAll(scenario.overrides());
    Scenario first = main.scenarios().load(scenario.file, base);
    if (!first.variants().isEmpty()) {
      return main.badInput(spec, scenario.file + " has variants; a sweep runs a scenario without them"
          + " (vary the keys the variants set with --vary instead)");
    }
    SweepPlan plan;
    try {
      plan = new SweepPlan(varies, seeds, first.simulation().seed());
    } catch (IllegalArgumentException e) {
      return main.badInput(spec, e.getMessage());
    }
    List<SweepRun> runs = plan.runs();
    List<Scenario> scenarios = new ArrayList<>();
    for (SweepRun run : runs) { // every combination checked before anything runs or is created
      List<SettingOverride> overrides = new ArrayList<>(base);
      overrides.addAll(run.overrides(varies));
      scenarios.add(main.scenarios().load(scenario.file, overrides));
    }
    Path dir = output.directory(first.simulation().name() + "-sweep", main.clock());
    SweepManifest manifest = new SweepManifest(scenario.file.toAbsolutePath().normalize().toString(), varies, seeds,
        scenario.overrides().stream().map(o -> o.source() + " " + o.text()).toList(),
        ScenarioOptions.TimeConverter.name(first.simulation().time()));
    Optional<String> refusal = resume ? resumeRefusal(dir, manifest) : output.refusal(dir);
    if (refusal.isPresent()) {
      return main.badInput(spec, refusal.get());
    }
    boolean live = scenarios.stream().anyMatch(s -> s.simulation().time() == TimeMode.LIVE);
    int threads = parallel != null ? parallel : live ? 1 : Runtime.getRuntime().availableProcessors();
    Files.createDirectories(dir);
    manifest.write(dir);
    return new SweepExecution(main, spec, dir, plan, runs, scenarios, threads, resume).run(first.simulation().name());
  }

  private Optional<String> checkFlags() {
    if (resume && output.force) {
      return Optional.of("--resume and --force do not go together: --resume keeps the finished runs, --force"
          + " would run them all again");
    }
    if (resume && output.out == null) {
      return Optional.of("--resume needs --out DIR: the directory of the sweep to go on with");
    }
    if (parallel != null && parallel < 1) {
      return Optional.of("--parallel " + parallel + ": runs at a time must be at least 1");
    }
    for (Vary v : varies) {
      if (v.key().equals("simulation.seed")) {
        return Optional.of("--vary simulation.seed: a sweep's seeds come from --seeds N (simulation.seed,"
            + " simulation.seed + 1, ...) and --seed; vary other keys");
      }
    }
    return Optional.empty();
  }

  /** Why this sweep may not resume in {@code dir}, or empty: an empty or missing directory starts afresh. */
  private static Optional<String> resumeRefusal(Path dir, SweepManifest manifest) throws IOException {
    if (!Files.isDirectory(dir) || OutputDirectory.isEmpty(dir)) {
      return OutputDirectory.refusal(dir, false);
    }
    if (!Files.isRegularFile(dir.resolve(SweepManifest.FILE))) {
      return Optional.of(dir + " holds no " + SweepManifest.FILE + ", so it is not a sweep that --resume can go on"
          + " with");
    }
    SweepManifest there;
    try {
      there = SweepManifest.read(dir);
    } catch (IOException e) {
      return Optional.of(dir.resolve(SweepManifest.FILE) + " is not a sweep's manifest: " + e.getMessage());
    }
    List<String> differences = manifest.differences(there);
    if (!differences.isEmpty()) {
      return Optional.of("the sweep in " + dir + " is not this one (" + String.join("; ", differences)
          + "); resume it with the same FILE, --vary, --seeds and settings, or give another --out");
    }
    return Optional.empty();
  }

  /** Reads {@code KEY=V1,V2,...}; bad syntax is a bad flag (exit 2) with the reason. */
  static final class VaryConverter implements ITypeConverter<Vary> {
    @Override
    public Vary convert(String text) {
      try {
        return Vary.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
