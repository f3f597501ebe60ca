package dev.replsim.cli;

import dev.replsim.api.Simulation;
import dev.replsim.api.SimulationFailedException;
import dev.replsim.safety.SafetyCheck;
import dev.replsim.safety.SafetySearch;
import dev.replsim.safety.ScenarioGenerator;
import dev.replsim.safety.Violation;
import dev.replsim.scenario.SettingOverride;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code replsim check-safety}: generates scenarios from consecutive seeds, runs each in virtual
 * time and checks the protocol's safety invariants; for each run that breaks one it prints the
 * seed, the invariant and a command that reproduces it, and shrinks its fault schedule to one in
 * which every fault matters, saved as a scenario file with that run's results beside it.
 */
@Command(
    name = "check-safety",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ManifestVersion.class,
    description = {"Generate scenarios with random faults, run each in virtual time and check the"
        + " replication protocol's safety invariants: one leader per term, no acknowledged write lost"
        + " where the commit mode promises it, replicas converging, linearizable leader reads under"
        + " sync, session guarantees.",
        "Exit code 0: no run broke an invariant; 1: some did (each printed with a command that"
        + " reproduces it); 2: bad input."})
final class CheckSafetyCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "200",
      description = "How many scenarios to generate and check (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "The first seed: runs use seeds S, S+1, ... (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--parallel", paramLabel = "P",
      description = "Runs at once, on their own threads (default: the number of processors).")
  Integer parallel;

  @Option(names = "--set", paramLabel = "KEY=VALUE", converter = ScenarioOptions.SetConverter.class,
      description = "Override one key in every generated scenario, e.g. --set failover.fencing=false (repeatable).")
  List<SettingOverride> sets = new ArrayList<>();

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Check this scenario file (e.g. one check-safety saved) instead of generating scenarios.")
  Path scenario;

  @Option(names = "--no-shrink", description = "Report failing seeds without shrinking their fault schedules.")
  boolean noShrink;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    return main.outcome(spec, () -> {
      int threads = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
      if (runs < 1 || threads < 1) {
        return main.badInput(spec, (runs < 1 ? "--runs " + runs : "--parallel " + threads)
            + " is out of range: must be at least 1");
      }
      Path out = output.directory("check-safety", main.clock());
      Optional<String> refusal = output.refusal(out);
      if (refusal.isPresent()) {
        return main.badInput(spec, refusal.get());
      }
      SafetyCheck check = new SafetyCheck(sets);
      SafetyReport report = new SafetyReport(spec.commandLine().getOut(), out, sets);
      if (scenario != null) {
        return checkFile(check, report);
      }
      check.prepare(Simulation.parse(ScenarioGenerator.generate(seed).text())).scenario(); // a bad --set: exit 2 now
      BatchProgress progress = new BatchProgress(spec.commandLine().getErr(), main.terminal(), System::nanoTime,
          "runs");
      long started = System.nanoTime();
      List<SafetySearch.Outcome> outcomes = new SafetySearch(check, threads).run(seed, runs, progress);
      progress.finish();
      return report.search(outcomes, System.nanoTime() - started, noShrink ? null : check);
    });
  }

  private int checkFile(SafetyCheck check, SafetyReport report) throws Exception {
    try {
      List<Violation> violations = check.check(Simulation.load(scenario)).violations();
      return report.file(scenario, violations);
    } catch (SimulationFailedException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("run failed: " + e.getMessage());
      err.flush();
      return ExitCode.RUN_FAILED;
    }
  }
}
