package dev.replsim.cli;

import dev.replsim.TestRuns;
import dev.replsim.scenario.SettingOverride;
import dev.replsim.scenario.Scenario;
import dev.replsim.sim.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the CLI in-process with captured output, over a stand-in scenario source and a fake runner
 * that reports one phase and one progress sample and returns a canned result.
 */
final class CliHarness {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final List<Path> loadedFiles = new ArrayList<>();
  final List<List<SettingOverride>> loadedOverrides = new ArrayList<>();
  final List<Scenario> runs = new ArrayList<>();

  ScenarioSource scenarios = (file, overrides) -> TestRuns.scenario();
  ScenarioRunner runner = (scenario, listener) -> {
    listener.phase("writing");
    listener.progress(new Progress(10_000_000, 20_000_000, 199.0, 35.5, "crash leader"));
    return TestRuns.result();
  };

  Main main() {
    ScenarioSource recording = (file, overrides) -> {
      loadedFiles.add(file);
      loadedOverrides.add(overrides);
      return scenarios.load(file, overrides);
    };
    ScenarioRunner counting = (scenario, listener) -> {
      runs.add(scenario);
      return runner.run(scenario, listener);
    };
    return new Main(recording, counting, false, CLOCK);
  }

  /** Runs {@code replsim args...} as {@link Main#main} would, without exiting. */
  int execute(String... args) {
    return capture(Main.commandLine(main())).execute(args);
  }

  CommandLine capture(CommandLine cli) {
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli;
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
