package dev.replsim.cli;

import dev.replsim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of every command that writes results: where, and whether a non-empty directory may be used. */
final class OutputOptions {

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write results (default: output.dir, else results/<name>-<timestamp>).")
  Path out;

  @Option(
      names = "--force",
      description = "Write into a non-empty directory: replaces replsim's result files there, keeps all others.")
  boolean force;

  /** The directory the results go to; see {@link OutputDirectory#choose}. */
  Path directory(Scenario scenario, Clock clock) {
    return OutputDirectory.choose(out, scenario, clock);
  }

  /** The directory results of no one scenario (a comparison) go to: {@code --out}, or results/<name>-<timestamp>. */
  Path directory(String name, Clock clock) {
    return OutputDirectory.choose(out, name, clock);
  }

  /** Why results may not be written to {@code dir}, or empty if they may. */
  Optional<String> refusal(Path dir) throws IOException {
    return OutputDirectory.refusal(dir, force);
  }
}
