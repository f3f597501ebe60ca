package dev.replsim.api;

import dev.replsim.metrics.RunResult;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioException;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.scenario.SettingOverride;
import dev.replsim.sim.Drivers;
import dev.replsim.sim.RunFailedException;
import dev.replsim.sim.RunListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scenario ready to run, and the changes made to it: each method returns a new simulation, so
 * one base can be varied in a loop. Keys are the scenario format's ({@code network.delay.value},
 * {@code cluster.replication.mode}), over the file's values as {@code --set} would be, and checked
 * the same way: a bad key or value throws a {@link ScenarioException} naming it.
 *
 * <pre>{@code
 * Result r = Simulation.load(Path.of("simulations/quickstart.conf")).virtual().seed(7)
 *     .set("network.delay.value", "50ms").run();
 * }</pre>
 */
public final class Simulation {

  private final Path file;
  private final String text;
  private final List<SettingOverride> settings;

  private Simulation(Path file, String text, List<SettingOverride> settings) {
    this.file = file;
    this.text = text;
    this.settings = List.copyOf(settings);
  }

  /** The scenario in {@code file}, over the defaults ({@code conf/replsim.conf}). */
  public static Simulation load(Path file) {
    return new Simulation(Objects.requireNonNull(file, "file"), null, List.of());
  }

  /** A scenario written as HOCON, over the defaults; {@code ""} is the defaults alone. */
  public static Simulation parse(String hocon) {
    return new Simulation(null, Objects.requireNonNull(hocon, "hocon"), List.of());
  }

  /**
   * This simulation with {@code key} set to {@code value}: a string is HOCON as written
   * ({@code "50ms"}, {@code "sync"}, {@code "{ distribution = constant, value = 40ms }"}), a number
   * or a boolean as itself.
   */
  public Simulation set(String key, Object value) {
    Objects.requireNonNull(key, "key");
    List<SettingOverride> more = new ArrayList<>(settings);
    more.add(new SettingOverride("set", key + "=" + value));
    return new Simulation(file, text, more);
  }

  /**
   * This simulation with an override as the command line's {@code --set} gives it: its text is
   * {@code key=value}, and its source (e.g. {@code --set}) is what messages about it name.
   */
  public Simulation set(SettingOverride override) {
    List<SettingOverride> more = new ArrayList<>(settings);
    more.add(Objects.requireNonNull(override, "override"));
    return new Simulation(file, text, more);
  }

  /** This simulation with every random choice drawn from {@code seed}. */
  public Simulation seed(long seed) {
    return set("simulation.seed", seed);
  }

  /** This simulation writing for {@code duration}. */
  public Simulation duration(Duration duration) {
    return set("simulation.duration", duration.toMillis() + "ms");
  }

  /** This simulation in virtual time: exact, reproducible from its seed, far faster than real time. */
  public Simulation virtual() {
    return set("simulation.time", "virtual");
  }

  /** This simulation on the live Pekko cluster, in real time. */
  public Simulation live() {
    return set("simulation.time", "live");
  }

  /** The validated scenario this simulation runs. */
  public Scenario scenario() throws ScenarioException {
    return file != null ? ScenarioLoader.load(file, settings) : ScenarioLoader.load("<scenario>", text, settings);
  }

  /**
   * Runs the simulation to the end with the driver its {@code simulation.time} names, writing no
   * file (unless the scenario names an output directory, which only {@link Result#writeTo} uses).
   *
   * @throws ScenarioException for a bad key or value
   * @throws SimulationFailedException when the run itself failed
   */
  public Result run() {
    Scenario scenario = scenario();
    try {
      RunResult result = Drivers.run(scenario, RunListener.SILENT);
      return new Result(scenario, result);
    } catch (RunFailedException e) {
      throw new SimulationFailedException(e.getMessage(), e);
    }
  }
}
