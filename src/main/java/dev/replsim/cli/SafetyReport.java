package dev.replsim.cli;

import dev.replsim.safety.GeneratedScenario;
import dev.replsim.safety.SafetyCheck;
import dev.replsim.safety.SafetySearch;
import dev.replsim.safety.ScheduleShrinker;
import dev.replsim.safety.Violation;
import dev.replsim.scenario.SettingOverride;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code replsim check-safety} prints and saves: each run that broke an invariant with the
 * command that reproduces it, and its shrunk scenario as a file (with that run's results beside
 * it) in the output directory, which is created only when there is something to save.
 */
final class SafetyReport {

  private final PrintWriter out;
  private final Path dir;
  private final String sets;

  SafetyReport(PrintWriter out, Path dir, List<SettingOverride> overrides) {
    this.out = out;
    this.dir = dir;
    StringBuilder s = new StringBuilder();
    for (SettingOverride o : overrides) {
      s.append(" --set ").append(o.text().matches("[A-Za-z0-9._=%-]+") ? o.text() : "'" + o.text() + "'");
    }
    this.sets = s.toString();
  }

  /** Reports a search; shrinks each failing seed's schedule unless {@code shrink} is null. Returns the exit code. */
  int search(List<SafetySearch.Outcome> outcomes, long elapsedNanos, SafetyCheck shrink) throws IOException {
    int failed = 0;
    for (SafetySearch.Outcome o : outcomes) {
      if (o.failed()) {
        failed++;
        failure(o, shrink);
      }
    }
    double seconds = elapsedNanos / 1e9;
    out.printf(Locale.ROOT, "%d runs in %.1f s (%.1f runs/s): %s%n", outcomes.size(), seconds,
        outcomes.size() / seconds, failed == 0 ? "every invariant held"
            : failed + (failed == 1 ? " run" : " runs") + " broke an invariant; scenarios in " + dir);
    out.flush();
    return failed == 0 ? ExitCode.OK : ExitCode.RUN_FAILED;
  }

  private void failure(SafetySearch.Outcome o, SafetyCheck shrink) throws IOException {
    GeneratedScenario scenario = o.scenario();
    long seed = scenario.seed();
    if (o.error() != null) {
      out.println("seed " + seed + ": the run failed: " + o.error());
    } else {
      for (Violation v : o.violations()) {
        out.println("seed " + seed + " broke " + v);
      }
    }
    out.println("  reproduce: replsim check-safety --seed " + seed + " --runs 1" + sets);
    if (shrink == null || o.error() != null) {
      save(scenario, null, "seed-" + seed);
      return;
    }
    String invariant = o.violations().get(0).invariant();
    ScheduleShrinker.Shrunk shrunk = new ScheduleShrinker(shrink).shrink(scenario, o.checked(), invariant);
    Path file = save(shrunk.scenario(), shrunk.checked(), "seed-" + seed);
    out.println("  shrunk from " + scenario.faults().size() + " faults to " + shrunk.scenario().faults().size()
        + ": replsim check-safety --scenario " + file + sets);
    out.println("  its run: " + dir.resolve("seed-" + seed).resolve("report.html"));
  }

  /** Saves the scenario as {@code <name>.conf} and, if given, its run's results in {@code <name>/}. */
  private Path save(GeneratedScenario scenario, SafetyCheck.Checked checked, String name) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".conf");
    StringBuilder header = new StringBuilder();
    if (checked != null) {
      for (Violation v : checked.violations()) {
        header.append("# broke ").append(v).append('\n');
      }
      checked.result().writeTo(dir.resolve(name));
    }
    Files.writeString(file, header + scenario.text());
    return file;
  }

  /** Reports the check of one scenario file. Returns the exit code. */
  int file(Path scenario, List<Violation> violations) {
    for (Violation v : violations) {
      out.println(scenario + " broke " + v);
    }
    if (violations.isEmpty()) {
      out.println(scenario + ": every invariant held");
    }
    out.flush();
    return violations.isEmpty() ? ExitCode.OK : ExitCode.RUN_FAILED;
  }
}
