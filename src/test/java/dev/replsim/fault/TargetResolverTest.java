package dev.replsim.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.random.SeededStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetResolverTest {

  private static final List<String> NODES = List.of("leader", "follower-1", "follower-2", "follower-3", "follower-4");

  private final TargetResolver targets = new TargetResolver(NODES, new SeededStreams(1).stream("faults"));

  @Test
  void roleSelectorsAreResolvedAgainstWhoLeadsWhenTheFaultFires() {
    assertEquals(List.of("follower-2"), targets.resolve(Target.selector("current-leader"), NODES, "follower-2"));
    assertEquals(4, targets.resolve(Target.selector("followers"), NODES, "leader").size());
    assertFalse(targets.resolve(Target.selector("random-follower"), NODES, "leader").contains("leader"));
  }

  @Test
  void aMinorityIsFewerThanHalfAndAMajorityMoreThanHalfOfAllNodes() {
    assertEquals(2, targets.resolve(Target.selector("minority"), NODES, "leader").size());
    assertEquals(3, targets.resolve(Target.selector("majority"), NODES, "leader").size());
    assertEquals(1, targets.resolve(Target.selector("one"), NODES, "leader").size());
  }

  @Test
  void onlyNodesInThePoolQualify() {
    List<String> crashed = List.of("follower-3");
    assertEquals(crashed, targets.resolve(Target.selector("one"), crashed, "leader"));
    assertTrue(targets.resolve(Target.node("follower-1"), crashed, "leader").isEmpty());
    assertTrue(targets.resolve(Target.selector("current-leader"), crashed, "leader").isEmpty());
  }

  @Test
  void restIsEveryNodeTheOtherGroupsDoNotName() {
    List<List<String>> groups = targets.groups(List.of(Target.node("follower-2"), Target.REST), "leader");
    assertEquals(List.of("follower-2"), groups.get(0));
    assertEquals(List.of("leader", "follower-1", "follower-3", "follower-4"), groups.get(1));
  }

  @Test
  void leaderRestartsTheNodeNamedLeaderOnceAnotherLeadsButCurrentLeaderDoesNot() {
    List<String> crashed = List.of("leader");
    assertEquals(List.of("leader"), targets.resolve(Target.parse("leader"), crashed, "follower-1"));
    assertEquals(List.of(), targets.resolve(Target.parse("current-leader"), crashed, "follower-1"));
    assertEquals(List.of("follower-1"), targets.resolve(Target.parse("leader"), NODES, "follower-1"),
        "a crash of leader hits whoever leads now");
  }
}
