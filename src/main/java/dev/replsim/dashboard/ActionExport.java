package dev.replsim.dashboard;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import dev.replsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * What a demonstration did, as a scenario that replays it: the scenario as it ran (every setting,
 * as {@code effectiveConfig} records it), its duration cut to the instant of the export, and the
 * page's actions appended to its {@code faults} at the microsecond they struck, named as they were
 * ({@code d1}, {@code d2}, ...). {@code replsim run} of the file does it all again.
 */
final class ActionExport {

  private ActionExport() {}

  /** The scenario file, at {@code nowMicros} after the writes started. */
  static String render(Scenario scenario, List<DemoControls.Done> done, long nowMicros) {
    Config config = ConfigFactory.parseString(scenario.effectiveConfig());
    long duration = Math.max(nowMicros, 1000);
    for (DemoControls.Done d : done) {
      duration = Math.max(duration, d.fault().atMicros() + 1000);
    }
    List<Object> faults = new ArrayList<>();
    ConfigValue scheduled = config.hasPath("faults") ? config.getValue("faults") : null;
    if (scheduled != null && scheduled.valueType() == ConfigValueType.LIST) {
      for (ConfigValue f : (ConfigList) scheduled) {
        // a scheduled fault the run never reached would not fit the shorter duration
        if (f instanceof ConfigObject o && micros(o.toConfig(), "at") < duration) {
          faults.add(o.unwrapped());
        }
      }
    }
    for (DemoControls.Done d : done) {
      ConfigObject entry = ConfigFactory.parseString(d.entry(), ConfigParseOptions.defaults()
          .setSyntax(ConfigSyntax.JSON)).root()
          .withValue("at", ConfigValueFactory.fromAnyRef(d.fault().atMicros() + "us"))
          .withValue("name", ConfigValueFactory.fromAnyRef(d.fault().id()));
      faults.add(entry.unwrapped());
    }
    config = config.withValue("faults", ConfigValueFactory.fromIterable(faults))
        .withValue("simulation.duration", ConfigValueFactory.fromAnyRef(duration + "us"));
    if (config.hasPath("output.dir")) {
      config = config.withoutPath("output.dir"); // the replay writes where its own run puts it
    }
    String header = "# What a replsim demo of " + scenario.file() + " did, replayable: its settings as it ran,\n"
        + "# cut at " + duration / 1000.0 + " ms, with the dashboard's " + done.size() + " action"
        + (done.size() == 1 ? "" : "s") + " (d1, d2, ...) at the instants they struck.\n"
        + "# Run it again with: replsim run <this file>\n";
    return header + config.root().render(ConfigRenderOptions.concise().setJson(false).setFormatted(true));
  }

  private static long micros(Config entry, String key) {
    return entry.hasPath(key) ? entry.getDuration(key).toNanos() / 1000 : 0;
  }
}
