package dev.replsim.sweep;

import dev.replsim.scenario.SettingOverride;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a sweep: its id (also its directory's name), the value of each varied key, in the
 * order of the {@code --vary} options, and its seed.
 */
public record SweepRun(String id, List<String> values, long seed) {

  public SweepRun {
    values = List.copyOf(values);
  }

  /** The run's settings over the sweep's own: each varied key's value, then its seed. */
  public List<SettingOverride> overrides(List<Vary> varies) {
    List<SettingOverride> overrides = new ArrayList<>();
    for (int k = 0; k < varies.size(); k++) {
      overrides.add(new SettingOverride("--vary", varies.get(k).key() + "=" + values.get(k)));
    }
    overrides.add(new SettingOverride("--seeds", "simulation.seed=" + seed));
    return overrides;
  }
}
