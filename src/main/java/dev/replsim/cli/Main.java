package dev.replsim.cli;

import dev.replsim.scenario.ScenarioException;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.sim.Drivers;
import dev.replsim.sim.RunFailedException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code replsim} command line: translates options into a scenario and its overrides, calls the
 * driver, and turns outcomes into messages and {@link ExitCode exit codes}. It only parses and
 * reports; all output goes through the command's writers so tests can capture it.
 */
@Command(
    name = "replsim",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    sortOptions = false,
    description = "Simulates leader-follower database replication and measures its lag.",
    subcommands = {RunCommand.class, ValidateCommand.class, SweepCommand.class, BenchCommand.class,
        ReportCommand.class, CompareCommand.class, DemoCommand.class, CheckSafetyCommand.class,
        NodeCommand.class})
public final class Main implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors (for bug reports).")
  boolean verbose;

  private final ScenarioSource scenarios;
  private final ScenarioRunner runner;
  private final boolean terminal;
  private final Clock clock;

  /** The shipped CLI: the scenario loader and the live driver. */
  public Main() {
    this(ScenarioLoader::load, Drivers::run);
  }

  /** A CLI over other scenario sources and runners, e.g. fakes in tests. */
  public Main(ScenarioSource scenarios, ScenarioRunner runner) {
    this(scenarios, runner, System.console() != null, Clock.systemDefaultZone());
  }

  /**
   * @param terminal whether the progress line may be redrawn in place with {@code \r}
   * @param clock the clock that names default output directories
   */
  Main(ScenarioSource scenarios, ScenarioRunner runner, boolean terminal, Clock clock) {
    this.scenarios = scenarios;
    this.runner = runner;
    this.terminal = terminal;
    this.clock = clock;
  }

  public static void main(String[] args) {
    // initialise logging before Pekko's threads start logging concurrently, which would make
    // SLF4J print a warning about replayed calls
    LoggerFactory.getILoggerFactory();
    // the report's charts are drawn with AWT, which must never look for a display
    System.setProperty("java.awt.headless", "true");
    System.exit(commandLine(new Main()).execute(args));
  }

  /** A command line for {@code main}, reporting bad flags briefly with a pointer to {@code --help}. */
  public static CommandLine commandLine(Main main) {
    return new CommandLine(main).setParameterExceptionHandler(Main::onBadFlags);
  }

  /** {@code replsim} without a command. */
  @Override
  public Integer call() {
    List<String> commands = new ArrayList<>();
    spec.subcommands().forEach((name, sub) -> {
      if (!sub.getCommandSpec().usageMessage().hidden() && !name.equals("help")) {
        commands.add(name);
      }
    });
    String last = commands.remove(commands.size() - 1);
    throw new ParameterException(spec.commandLine(), "Missing command: " + String.join(", ", commands) + " or " + last);
  }

  private static int onBadFlags(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCode.BAD_INPUT;
  }

  /** A command's work, which may fail with any of the outcomes {@link #outcome} maps. */
  @FunctionalInterface
  interface Work {
    int call() throws Exception;
  }

  /**
   * Runs a command's work and turns its failures into messages on stderr and exit codes: bad input
   * as its message alone (2), a failed run as {@code run failed: ...} (1), anything else as one line
   * (1) with the stack trace only under {@code --verbose}. Bad flags go on to picocli's handler.
   */
  int outcome(CommandSpec command, Work work) {
    PrintWriter err = command.commandLine().getErr();
    try {
      return work.call();
    } catch (ParameterException e) {
      throw e;
    } catch (ScenarioException e) {
      err.println(e.getMessage());
      return ExitCode.BAD_INPUT;
    } catch (RunFailedException e) {
      err.println("run failed: " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return ExitCode.RUN_FAILED;
    } catch (Exception e) {
      err.println("replsim: unexpected error: " + e + (verbose ? "" : " (--verbose shows the stack trace)"));
      if (verbose) {
        e.printStackTrace(err);
      }
      return ExitCode.RUN_FAILED;
    } finally {
      err.flush();
    }
  }

  /** Prints a message about bad input to stderr and returns {@link ExitCode#BAD_INPUT}. */
  int badInput(CommandSpec command, String message) {
    PrintWriter err = command.commandLine().getErr();
    err.println(message);
    err.flush();
    return ExitCode.BAD_INPUT;
  }

  ScenarioSource scenarios() {
    return scenarios;
  }

  ScenarioRunner runner() {
    return runner;
  }

  boolean terminal() {
    return terminal;
  }

  Clock clock() {
    return clock;
  }
}
