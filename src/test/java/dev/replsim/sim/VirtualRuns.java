package dev.replsim.sim;

import dev.replsim.metrics.OutputWriter;
import dev.replsim.metrics.RunResult;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.scenario.SettingOverride;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads scenarios in virtual time, as {@code --time virtual} does, and runs them through
 * {@link Drivers}, for the tests of the virtual driver.
 */
final class VirtualRuns {

  private VirtualRuns() {}

  /** Every scenario shipped in {@code simulations/}, in name order. */
  static List<Path> shipped() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("simulations"))) {
      return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
    }
  }

  /** {@code file} in virtual time, with {@code sets} as {@code --set key=value} over it. */
  static Scenario load(Path file, String... sets) throws Exception {
    List<SettingOverride> overrides = new ArrayList<>();
    for (String set : sets) {
      overrides.add(new SettingOverride("--set", set));
    }
    overrides.add(new SettingOverride("--time", "simulation.time=virtual"));
    return ScenarioLoader.load(file, overrides);
  }

  /** Runs {@code scenario} with the driver its {@code simulation.time} names. */
  static RunResult run(Scenario scenario) throws RunFailedException {
    return Drivers.run(scenario, RunListener.SILENT);
  }

  /** Runs {@code scenario} and writes its outputs into a new directory {@code name} under {@code parent}. */
  static Path runInto(Path parent, String name, Scenario scenario) throws Exception {
    Path dir = Files.createDirectory(parent.resolve(name));
    OutputWriter.write(dir, scenario, run(scenario));
    return dir;
  }
}
