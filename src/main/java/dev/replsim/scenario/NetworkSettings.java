package dev.replsim.scenario;

import dev.replsim.network.LinkProfile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code network} section: the default profile of every directed link between two nodes,
 * per-link overrides, and regions. A link's effective profile ({@link #profile}) is the defaults,
 * then the settings of its ends' region pair (when both ends are in regions and that pair is
 * configured), then the link's own override.
 *
 * @param defaults every link's profile before overrides
 * @param links overrides of single directed links ({@code network.links})
 * @param regions each region's nodes, regions in the order of their lines; a node is in at most one region, and
 *     nodes in none keep the defaults
 * @param regionLinks overrides between regions ({@code network.region-links}); at most one covers
 *     a directed pair of regions
 */
public record NetworkSettings(
    LinkProfile defaults,
    List<LinkSettings> links,
    Map<String, List<String>> regions,
    List<RegionLinkSettings> regionLinks) {

  public NetworkSettings {
    links = List.copyOf(links);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    regions.forEach((region, nodes) -> copy.put(region, List.copyOf(nodes)));
    regions = Collections.unmodifiableMap(copy);
    regionLinks = List.copyOf(regionLinks);
  }

  /** Defaults and per-link overrides, no regions. */
  public NetworkSettings(LinkProfile defaults, List<LinkSettings> links) {
    this(defaults, links, Map.of(), List.of());
  }

  /** The region {@code node} is in, if any. */
  public Optional<String> region(String node) {
    for (Map.Entry<String, List<String>> region : regions.entrySet()) {
      if (region.getValue().contains(node)) {
        return Optional.of(region.getKey());
      }
    }
    return Optional.empty();
  }

  /** The effective profile of the directed link {@code from -> to}. */
  public LinkProfile profile(String from, String to) {
    LinkProfile profile = defaults;
    Optional<String> fromRegion = region(from);
    Optional<String> toRegion = region(to);
    if (fromRegion.isPresent() && toRegion.isPresent()) {
      for (RegionLinkSettings pair : regionLinks) {
        if (pair.covers(fromRegion.get(), toRegion.get())) {
          profile = profile.with(pair.patch());
        }
      }
    }
    for (LinkSettings link : links) {
      if (link.from().equals(from) && link.to().equals(to)) {
        profile = profile.with(link.patch());
      }
    }
    return profile;
  }
}
