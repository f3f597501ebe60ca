package dev.replsim.cli;

import dev.replsim.scenario.SettingOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** The options every command that reads a scenario shares: the file and its {@code --set} overrides. */
public final class ScenarioOptions {

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The scenario file (HOCON); keys it leaves out come from conf/replsim.conf.")
  Path file;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      converter = SetConverter.class,
      description = "Override one scenario key, e.g. --set network.delay.value=50ms (repeatable).")
  List<SettingOverride> sets = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N", description = "The seed of every random choice (simulation.seed).")
  Long seed;

  @Option(names = "--duration", paramLabel = "D", description = "How long clients write, e.g. 30s (simulation.duration).")
  String duration;

  /** {@code --set}s in the order given, then the dedicated flags, so those win over a {@code --set}. */
  List<SettingOverride> overrides() {
    List<SettingOverride> overrides = new ArrayList<>(sets);
    if (seed != null) {
      overrides.add(new SettingOverride("--seed", "simulation.seed=" + seed));
    }
    if (duration != null) {
      overrides.add(new SettingOverride("--duration", "simulation.duration=" + duration));
    }
    return overrides;
  }

  /** Turns {@code key=value} into an override, refusing text that has no key or no {@code =}. */
  static final class SetConverter implements ITypeConverter<SettingOverride> {
    @Override
    public SettingOverride convert(String text) {
      int equals = text.indexOf('=');
      if (equals <= 0 || text.substring(0, equals).isBlank()) {
        throw new TypeConversionException(
            "'" + text + "' is not KEY=VALUE; write e.g. --set network.delay.value=50ms");
      }
      return new SettingOverride("--set", text);
    }
  }
}
