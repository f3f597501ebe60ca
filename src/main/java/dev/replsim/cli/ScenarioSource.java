package dev.replsim.cli;

import dev.replsim.scenario.SettingOverride;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads and validates a scenario file with command-line overrides: {@code ScenarioLoader::load} in
 * the shipped CLI, a stand-in in tests that need a particular scenario or error.
 */
@FunctionalInterface
public interface ScenarioSource {

  Scenario load(Path file, List<SettingOverride> overrides) throws ScenarioException;
}
