package dev.replsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replsim.network.LinkPatch;
import dev.replsim.network.LinkProfile;
import dev.replsim.random.Distribution;
import dev.replsim.random.Normal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link's effective profile: the defaults, then its region pair's settings, then its own
 * override, each layer keeping what it does not set.
 */
class NetworkSettingsTest {

  private static final Distribution D10 = new Distribution.Constant(10_000);
  private static final Distribution D40 = new Distribution.Constant(40_000);
  private static final Distribution D90 = new Distribution.Constant(90_000);
  private static final Distribution D2 = new Distribution.Constant(2_000);

  private static final LinkProfile DEFAULTS = new LinkProfile(D10, 0.001, 0, false, 0);

  /** leader in us, follower-1 in eu, follower-2 and follower-3 in ap, follower-4 in none. */
  private static NetworkSettings settings(List<LinkSettings> links, List<RegionLinkSettings> regionLinks) {
    return new NetworkSettings(
        DEFAULTS,
        links,
        Map.of("us", List.of("leader"), "eu", List.of("follower-1"), "ap", List.of("follower-2", "follower-3")),
        regionLinks);
  }

  @Test
  void aRegionPairSetsBothDirectionsOverTheDefaults() {
    NetworkSettings n =
        settings(List.of(), List.of(new RegionLinkSettings("us", "eu", false, new LinkPatch(D40, 0.01, null, null, null))));

    assertEquals(new LinkProfile(D40, 0.01, 0, false, 0), n.profile("leader", "follower-1"));
    assertEquals(new LinkProfile(D40, 0.01, 0, false, 0), n.profile("follower-1", "leader"));
    assertEquals(DEFAULTS, n.profile("leader", "follower-2"));
  }

  @Test
  void aOneWayRegionPairSetsOneDirection() {
    NetworkSettings n =
        settings(List.of(), List.of(new RegionLinkSettings("us", "ap", true, LinkPatch.delay(D90))));

    assertEquals(D90, n.profile("leader", "follower-2").delay());
    assertEquals(D10, n.profile("follower-2", "leader").delay());
  }

  @Test
  void aRegionPairWithItselfSetsTheLinksInsideTheRegion() {
    NetworkSettings n =
        settings(List.of(), List.of(new RegionLinkSettings("ap", "ap", false, LinkPatch.delay(D2))));

    assertEquals(D2, n.profile("follower-2", "follower-3").delay());
    assertEquals(D2, n.profile("follower-3", "follower-2").delay());
    assertEquals(D10, n.profile("follower-1", "follower-2").delay());
  }

  @Test
  void aLinkOverrideWinsOverItsRegionPairWhereItSetsSomething() {
    NetworkSettings n =
        settings(
            List.of(new LinkSettings("leader", "follower-1", new LinkPatch(null, null, 0.05, true, null))),
            List.of(new RegionLinkSettings("us", "eu", false, new LinkPatch(D40, 0.01, 0.5, null, 1_000_000L))));

    // delay, loss and bandwidth from the region pair, duplicate and reorder from the link
    assertEquals(new LinkProfile(D40, 0.01, 0.05, true, 1_000_000), n.profile("leader", "follower-1"));
    // the reverse link has no override of its own
    assertEquals(new LinkProfile(D40, 0.01, 0.5, false, 1_000_000), n.profile("follower-1", "leader"));
  }

  @Test
  void nodesOutsideEveryRegionKeepTheDefaultsAndTheirOwnOverrides() {
    NetworkSettings n =
        settings(
            List.of(new LinkSettings("leader", "follower-4", LinkPatch.delay(D90))),
            List.of(new RegionLinkSettings("us", "us", false, LinkPatch.delay(D2))));

    assertEquals(Optional.empty(), n.region("follower-4"));
    assertEquals(DEFAULTS, n.profile("follower-4", "leader"));
    assertEquals(D90, n.profile("leader", "follower-4").delay());
  }

  @Test
  void withoutRegionsTheTwoArgumentFormBehavesAsBefore() {
    NetworkSettings n =
        new NetworkSettings(DEFAULTS, List.of(new LinkSettings("leader", "follower-1", LinkPatch.delay(D90))));

    assertEquals(Map.of(), n.regions());
    assertEquals(D90, n.profile("leader", "follower-1").delay());
    assertEquals(DEFAULTS, n.profile("follower-1", "leader"));
  }

  @TempDir Path dir;
  ScenarioFiles files;

  @BeforeEach
  void setUp() {
    files = new ScenarioFiles(dir);
  }

  @Test
  void aScenarioWithRegionsLoadsWithThePrecedenceAbove() {
    Path file =
        files.write(
            "regions.conf",
            "network {",
            "  delay = { distribution = constant, value = 10ms }",
            "  loss = 0.001",
            "  regions {",
            "    us-east = [leader]",
            "    eu-west = [follower-1]",
            "    ap-south = [follower-2, follower-3]",
            "  }",
            "  region-links = [",
            "    { from = us-east, to = eu-west, delay = { distribution = normal, mean = 40ms, stddev = 3ms }, loss = 0.01 }",
            "    { from = us-east, to = ap-south, one-way = true, bandwidth = \"10Mbit/s\" }",
            "    { from = ap-south, to = ap-south, delay = { distribution = constant, value = 2ms } }",
            "  ]",
            "  links = [ { from = leader, to = follower-1, loss = 0, reorder = true } ]",
            "}");

    NetworkSettings n = ScenarioLoader.load(file).network();

    // in the order of their lines (HOCON keeps no order of keys within a line)
    assertEquals(List.of("us-east", "eu-west", "ap-south"), List.copyOf(n.regions().keySet()));
    assertEquals(Optional.of("ap-south"), n.region("follower-3"));
    assertEquals(
        new LinkProfile(new Normal(40_000, 3_000), 0, 0, true, 0), n.profile("leader", "follower-1"));
    assertEquals(
        new LinkProfile(new Normal(40_000, 3_000), 0.01, 0, false, 0), n.profile("follower-1", "leader"));
    assertEquals(new LinkProfile(D10, 0.001, 0, false, 1_250_000), n.profile("leader", "follower-2"));
    assertEquals(new LinkProfile(D10, 0.001, 0, false, 0), n.profile("follower-2", "leader"));
    assertEquals(new LinkProfile(D2, 0.001, 0, false, 0), n.profile("follower-2", "follower-3"));
  }
}
