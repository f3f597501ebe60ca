package dev.replsim.cli;

import dev.replsim.scenario.SettingOverride;
import dev.replsim.scenario.TimeMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every command that reads a scenario shares: the file, its {@code --set} overrides and
 * the flags that are shortcuts for one key ({@code --seed}, {@code --duration}, {@code --time}).
 */
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

  @Option(
      names = "--time",
      paramLabel = "MODE",
      converter = TimeConverter.class,
      description = "live: the real cluster in real time; virtual: discrete events in virtual time, "
          + "deterministic from the seed (simulation.time).")
  TimeMode time;

  /** {@code --set}s in the order given, then the dedicated flags, so those win over a {@code --set}. */
  List<SettingOverride> overrides() {
    List<SettingOverride> overrides = new ArrayList<>(sets);
    if (seed != null) {
      overrides.add(new SettingOverride("--seed", "simulation.seed=" + seed));
    }
    if (duration != null) {
      overrides.add(new SettingOverride("--duration", "simulation.duration=" + duration));
    }
    if (time != null) {
      overrides.add(new SettingOverride("--time", "simulation.time=" + TimeConverter.name(time)));
    }
    return overrides;
  }

  /** {@code live} or {@code virtual}, spelt as {@code simulation.time} takes them; anything else is refused. */
  static final class TimeConverter implements ITypeConverter<TimeMode> {
    @Override
    public TimeMode convert(String text) {
      List<String> names = new ArrayList<>();
      for (TimeMode mode : TimeMode.values()) {
        if (name(mode).equals(text)) {
          return mode;
        }
        names.add(name(mode));
      }
      throw new TypeConversionException(
          "'" + text + "' is not a time mode: write --time " + String.join(" or --time ", names));
    }

    static String name(TimeMode mode) {
      return mode.name().toLowerCase(Locale.ROOT);
    }
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
