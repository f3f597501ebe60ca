package dev.replsim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValueFactory;
import dev.replsim.fault.ScheduledFault;
import java.time.Duration;
import java.util.List;

/**
 * Reads one action given now rather than scheduled: an entry of the {@code faults} list written
 * as JSON, without {@code at} (it acts at the instant it arrives), as the classroom dashboard
 * sends it. The same reader as the scenario's faults checks it, so the dashboard accepts exactly
 * what a scenario may schedule, with the same messages, and what it did replays as a scenario.
 */
public final class ActionReader {

  /** How messages name an action's origin. */
  public static final String ORIGIN = "dashboard action";

  private ActionReader() {}

  /**
   * The fault {@code json} describes, as the scenario would schedule it at instant 0 with the id
   * {@code id}; a {@link ScenarioException} says what is wrong with it.
   */
  public static ScheduledFault read(String json, String id, Scenario scenario) throws ScenarioException {
    Locations locations = new Locations(List.of(ORIGIN));
    Config config;
    try {
      config = ConfigFactory.parseString(json,
          ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON).setOriginDescription(ORIGIN));
    } catch (ConfigException e) {
      throw new ScenarioException(ORIGIN + ": not a JSON object: " + Locations.clean(String.valueOf(e.getMessage())),
          e);
    }
    ConfigObject object = config.root();
    if (object.containsKey("at")) {
      throw new ScenarioException(ORIGIN + ": at is not allowed: an action acts now, when it arrives");
    }
    if (object.containsKey("name")) {
      throw new ScenarioException(ORIGIN + ": name is not allowed: actions are named d1, d2, ... as they come");
    }
    ConfigObject now = object.withValue("at", ConfigValueFactory.fromAnyRef("0ms", ORIGIN));
    Fields f = Fields.root(now.toConfig(), locations);
    try {
      return FaultReader.entry(f, now, id, new FaultReader.Settings(scenario.nodes(),
          scenario.simulation().duration().plus(Duration.ofSeconds(1)), scenario.failover().election().strategy(),
          scenario.workload(), scenario.cluster().replication()));
    } catch (ConfigException e) {
      throw locations.fromTypesafe(e);
    }
  }
}
