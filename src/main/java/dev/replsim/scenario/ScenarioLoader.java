package dev.replsim.scenario;

import dev.replsim.fault.Nemesis;
import dev.replsim.fault.NemesisSettings;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.random.SeededStreams;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Turns a scenario file into a validated {@link Scenario}: the defaults (conf/replsim.conf,
 * packaged as the classpath resource {@code replsim.conf}), then the file, then the command line's
 * overrides, each layer winning over the one below; substitutions are resolved after layering, so
 * an override can change a value the file refers to.
 *
 * <p>Every problem, from a missing file to a semi-sync ack count larger than the cluster, is a
 * {@link ScenarioException} whose message names the file and line (or the override), the key, the
 * bad value and what is allowed. Nothing else escapes: the CLI prints the message and exits 2.
 */
public final class ScenarioLoader {

  /** The sections a scenario has; the effective config holds these and nothing else. */
  static final List<String> SECTIONS =
      List.of("simulation", "cluster", "network", "workload", "faults", "nemesis", "failover", "output",
          "report", "check");

  private static final String RESOURCE = "replsim.conf";

  private ScenarioLoader() {}

  /** Loads {@code file} over the defaults. */
  public static Scenario load(Path file) throws ScenarioException {
    return load(file, List.of());
  }

  /** Loads {@code file} over the defaults, with {@code overrides} over both, later ones winning. */
  public static Scenario load(Path file, List<SettingOverride> overrides) throws ScenarioException {
    Objects.requireNonNull(file, "file");
    return load(file, () -> parseFile(file), overrides);
  }

  /**
   * Loads a scenario written as HOCON {@code text} over the defaults, with {@code overrides} over
   * both; messages name it {@code name} (with its line numbers), as they name a file.
   */
  public static Scenario load(String name, String text, List<SettingOverride> overrides) throws ScenarioException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    ConfigParseOptions options = ConfigParseOptions.defaults().setAllowMissing(false).setOriginDescription(name);
    return load(Path.of(name), () -> ConfigFactory.parseString(text, options), overrides);
  }

  private static Scenario load(Path file, Supplier<Config> parse, List<SettingOverride> overrides) {
    Objects.requireNonNull(overrides, "overrides");
    List<String> overrideNames = new ArrayList<>();
    overrides.forEach(o -> overrideNames.add(name(o)));
    Locations locations = new Locations(overrideNames);
    return guarded(
        file.toString(),
        locations,
        () -> {
          Config defaults = parseDefaults();
          Config scenario = DistributionReader.layer(parse.get(), defaults);
          Config commandLine = parseOverrides(overrides);
          Config layered = DistributionReader.layer(commandLine, scenario);
          Scenario base = build(file, layered.resolve(), defaults.root(), locations);
          List<Scenario.Variant> variants = new ArrayList<>();
          for (VariantReader.Layer variant : VariantReader.read(layered, locations)) {
            // a variant's keys go over the file's, and the command line over both
            Config keys = DistributionReader.layer(variant.keys(), scenario);
            Config merged = DistributionReader.layer(commandLine, keys).resolve();
            variants.add(new Scenario.Variant(variant.name(), build(file, merged, defaults.root(), locations)));
          }
          return base.withVariants(variants);
        });
  }

  /** The defaults alone (conf/replsim.conf), for tests and {@code replsim validate}. */
  public static Scenario defaults() throws ScenarioException {
    Locations locations = new Locations(List.of());
    return guarded(
        Locations.DEFAULTS,
        locations,
        () -> {
          Config defaults = parseDefaults();
          return build(Path.of(Locations.DEFAULTS), defaults.resolve(), defaults.root(), locations);
        });
  }

  private interface Step {
    Scenario run();
  }

  /** Runs {@code step} so that only {@link ScenarioException}s leave it. */
  private static Scenario guarded(String what, Locations locations, Step step) {
    try {
      return step.run();
    } catch (ScenarioException e) {
      throw e;
    } catch (ConfigException e) {
      throw locations.fromTypesafe(e);
    } catch (RuntimeException e) {
      // a bug of ours rather than bad input; still the one exception type the CLI expects
      throw new ScenarioException("could not load " + what + ": " + e, e);
    }
  }

  private static Config parseDefaults() {
    ConfigParseOptions options =
        ConfigParseOptions.defaults()
            .setAllowMissing(false)
            .setOriginDescription(Locations.DEFAULTS);
    try {
      return ConfigFactory.parseResources(ScenarioLoader.class.getClassLoader(), RESOURCE, options);
    } catch (ConfigException.IO e) {
      String message =
          "the defaults %s are missing from the classpath;"
              + " the build must package conf/replsim.conf (see <resources> in pom.xml)";
      throw new ScenarioException(String.format(message, RESOURCE), e);
    }
  }

  private static Config parseFile(Path file) {
    if (Files.isDirectory(file)) {
      throw new ScenarioException("scenario file is a directory, not a file: " + file);
    }
    if (!Files.exists(file)) {
      String relative =
          file.isAbsolute() ? "" : " (looked in " + Path.of("").toAbsolutePath() + ")";
      throw new ScenarioException("scenario file not found: " + file + relative);
    }
    if (!Files.isReadable(file)) {
      throw new ScenarioException("scenario file is not readable (check its permissions): " + file);
    }
    ConfigParseOptions options =
        ConfigParseOptions.defaults().setAllowMissing(false).setOriginDescription(file.toString());
    try {
      return ConfigFactory.parseFile(file.toFile(), options);
    } catch (ConfigException.IO e) {
      // the file itself was checked above, so this is mostly a required include that is missing
      String reason = Locations.clean(String.valueOf(e.getMessage()));
      throw new ScenarioException(file + ": cannot read " + reason, e);
    }
  }

  /** All overrides as one layer, later ones winning, each keeping its own origin for messages. */
  private static Config parseOverrides(List<SettingOverride> overrides) {
    Config layer = ConfigFactory.empty();
    for (SettingOverride override : overrides) {
      String text = override.text() == null ? "" : override.text().trim();
      if (!text.matches("(?s)[^=:{]+[=:{].*")) {
        throw new ScenarioException(
            name(override) + ": not an assignment: write key=value, e.g. network.delay.value=50ms");
      }
      ConfigParseOptions options =
          ConfigParseOptions.defaults().setOriginDescription(name(override));
      layer = ConfigFactory.parseString(text, options).withFallback(layer);
    }
    return layer;
  }

  /** How messages name an override: as it was given, {@code --set network.delay.value=50ms}. */
  private static String name(SettingOverride override) {
    return override.source() + " " + override.text();
  }

  private static Scenario build(
      Path file, Config config, ConfigObject schema, Locations locations) {
    KeySchema.check(config.root(), schema, locations);
    Fields f = Fields.root(config, locations);
    SimulationSettings simulation = SectionReaders.simulation(f);
    ClusterSettings cluster = ClusterReader.read(f, simulation.time());
    NetworkSettings network = NetworkReader.read(f, cluster.nodes());
    WorkloadSettings workload = SectionReaders.workload(f, cluster.nodes().size() - 1);
    CheckSettings check = ReadReader.check(f, simulation, workload);
    FailoverSettings failover = FailoverReader.read(f);
    List<ScheduledFault> faults = new ArrayList<>(FaultReader.read(f, new FaultReader.Settings(cluster.nodes(),
        simulation.duration(), failover.election().strategy(), workload, cluster.replication())));
    NemesisSettings nemesis = NemesisReader.read(f, cluster.nodes());
    faults.addAll(Nemesis.schedule(nemesis, simulation.duration().toNanos() / 1000,
        new SeededStreams(simulation.seed()).stream("nemesis")));
    faults.sort(Comparator.comparingLong(ScheduledFault::atMicros));
    OutputSettings output = SectionReaders.output(f);
    // the strategy as resolved, without the first spelling beside it: the record loads again as it ran
    Config recorded = EmpiricalFile.withAbsoluteFiles(config, locations).withoutPath("failover.enabled")
        .withValue("failover.strategy", ConfigValueFactory.fromAnyRef(Fields.kebab(failover.election().strategy())));
    ReportSettings report = SectionReaders.report(f);
    return new Scenario(
        file, simulation, cluster, network, workload, failover, faults, output, report, render(recorded),
        List.of(), check);
  }

  /**
   * The merged config as HOCON, so a run records exactly what it ran; keys sorted, no comments,
   * and the files of empirical distributions absolute, so that it runs again from anywhere.
   */
  private static String render(Config config) {
    Config sections = ConfigFactory.empty();
    for (String section : SECTIONS) {
      sections = sections.withValue(section, config.getValue(section));
    }
    return sections.root().render(ConfigRenderOptions.concise().setJson(false).setFormatted(true));
  }
}
