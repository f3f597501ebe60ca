package dev.replsim.scenario;

import dev.replsim.random.Distribution;
import java.util.List;

/**
 * The {@code network} section: the default for every directed link between two nodes, and
 * per-link overrides.
 */
public record NetworkSettings(Distribution delay, List<LinkSettings> links) {

  public NetworkSettings {
    links = List.copyOf(links);
  }

  /** The delay of the directed link {@code from -> to}: its override if any, else the default. */
  public Distribution delay(String from, String to) {
    for (LinkSettings link : links) {
      if (link.from().equals(from) && link.to().equals(to) && link.delay() != null) {
        return link.delay();
      }
    }
    return delay;
  }
}
