package dev.replsim.scenario;

import dev.replsim.network.LinkProfile;
import java.util.List;

/**
 * The {@code network} section: the default profile of every directed link between two nodes, and
 * per-link overrides. A link's effective profile is the default with its override laid over it.
 */
public record NetworkSettings(LinkProfile defaults, List<LinkSettings> links) {

  public NetworkSettings {
    links = List.copyOf(links);
  }

  /** The effective profile of the directed link {@code from -> to}. */
  public LinkProfile profile(String from, String to) {
    LinkProfile profile = defaults;
    for (LinkSettings link : links) {
      if (link.from().equals(from) && link.to().equals(to)) {
        profile = profile.with(link.patch());
      }
    }
    return profile;
  }
}
