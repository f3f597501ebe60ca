package dev.replsim.cli;

import dev.replsim.scenario.Scenario;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code replsim validate}: loads a scenario with its overrides and describes it without running
 * anything, so mistakes show up in a second rather than after a cluster started.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ManifestVersion.class,
    description = "Check a scenario and describe what it would run, without running it.")
final class ValidateCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Mixin ScenarioOptions scenario;

  @Mixin CheckOptions checks;

  @Override
  public Integer call() {
    return main.outcome(spec, () -> {
      Scenario loaded = main.scenarios().load(scenario.file, checks.after(scenario.overrides()));
      ScenarioDescription.print(loaded, spec.commandLine().getOut());
      return ExitCode.OK;
    });
  }
}
