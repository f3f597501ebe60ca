package dev.replsim.cli;

import dev.replsim.scenario.SettingOverride;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --check linearizable}, for {@code run} and {@code validate}: a shortcut for the scenario
 * key {@code check.linearizable = true}, applied after the {@code --set}s like {@code --seed}.
 */
public final class CheckOptions {

  @Option(
      names = "--check",
      paramLabel = "CHECK",
      converter = CheckConverter.class,
      description = "Also check the run's history of client operations: linearizable (every key a "
          + "read-write register; runs of up to 10,000 operations). Sets check.linearizable.")
  List<SettingOverride> checks = new ArrayList<>();

  /** The scenario options' overrides, then the checks asked for. */
  List<SettingOverride> after(List<SettingOverride> overrides) {
    List<SettingOverride> all = new ArrayList<>(overrides);
    all.addAll(checks);
    return all;
  }

  /** {@code linearizable} is {@code check.linearizable = true}; there is no other check to ask for. */
  static final class CheckConverter implements ITypeConverter<SettingOverride> {
    @Override
    public SettingOverride convert(String text) {
      if (!text.equals("linearizable")) {
        throw new TypeConversionException("'" + text + "' is not a check: write --check linearizable "
            + "(stale reads and session guarantees are always checked when the run reads)");
      }
      return new SettingOverride("--check", "check.linearizable=true");
    }
  }
}
