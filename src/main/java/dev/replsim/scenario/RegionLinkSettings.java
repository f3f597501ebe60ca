package dev.replsim.scenario;

import dev.replsim.network.LinkPatch;

/**
 * One entry of {@code network.region-links}: the settings of every link from a node in region
 * {@code from} to a node in region {@code to}, and back unless {@code oneWay}. {@code from} may
 * equal {@code to}, for the links inside one region.
 *
 * @param patch the settings it overrides over the defaults; a link's own entry in {@code
 *     network.links} overrides it in turn
 */
public record RegionLinkSettings(String from, String to, boolean oneWay, LinkPatch patch) {

  /** Whether this entry covers links from a node in {@code fromRegion} to one in {@code toRegion}. */
  public boolean covers(String fromRegion, String toRegion) {
    return (from.equals(fromRegion) && to.equals(toRegion))
        || (!oneWay && from.equals(toRegion) && to.equals(fromRegion));
  }
}
