package dev.replsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.random.SeededStreams;
import dev.replsim.scenario.ReadSettings.FollowerChoice;
import dev.replsim.scenario.ReadSettings.ReadFrom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where each read of a client goes, and around which crashed nodes. */
class ReadRouterTest {

  private static final List<String> FOLLOWERS = List.of("follower-1", "follower-2", "follower-3");

  private static ReadRouter router(ReadFrom from, FollowerChoice choice) {
    return new ReadRouter(from, choice, "leader", FOLLOWERS, new SeededStreams(3).stream("client-1:read-route"));
  }

  private static List<String> picks(ReadRouter router, int n) {
    List<String> picks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      picks.add(router.pick());
    }
    return picks;
  }

  @Test
  void leaderReadsGoToTheLeaderAndFailWhileItIsDown() {
    ReadRouter r = router(ReadFrom.LEADER, FollowerChoice.RANDOM);
    assertEquals("leader", r.pick());
    r.down("leader");
    assertNull(r.pick());
  }

  @Test
  void roundRobinTakesTheFollowersInTurnAndSkipsACrashedOne() {
    ReadRouter r = router(ReadFrom.FOLLOWERS, FollowerChoice.ROUND_ROBIN);
    assertEquals(List.of("follower-1", "follower-2", "follower-3", "follower-1"), picks(r, 4));
    r.down("follower-3");
    assertEquals(List.of("follower-2", "follower-1", "follower-2"), picks(r, 3));
  }

  @Test
  void stickyKeepsOneFollowerUntilItCrashes() {
    ReadRouter r = router(ReadFrom.FOLLOWERS, FollowerChoice.STICKY);
    String first = r.pick();
    assertEquals(Set.of(first), new HashSet<>(picks(r, 20)));
    r.down(first);
    String next = r.pick();
    assertTrue(FOLLOWERS.contains(next) && !next.equals(first), next);
    r.up(first);
    assertEquals(Set.of(next), new HashSet<>(picks(r, 20)), "it stays with the new one");
  }

  @Test
  void randomSpreadsOverTheRunningFollowers() {
    ReadRouter r = router(ReadFrom.FOLLOWERS, FollowerChoice.RANDOM);
    assertEquals(new HashSet<>(FOLLOWERS), new HashSet<>(picks(r, 100)));
    r.down("follower-2");
    assertEquals(Set.of("follower-1", "follower-3"), new HashSet<>(picks(r, 100)));
    FOLLOWERS.forEach(r::down);
    assertNull(r.pick(), "no follower runs");
  }

  @Test
  void nearestTakesTheFirstRunningFollowerOfItsOrder() {
    ReadRouter r = new ReadRouter(ReadFrom.NEAREST, FollowerChoice.RANDOM, "leader",
        List.of("follower-3", "follower-1", "follower-2"), new SeededStreams(3).stream("x"));
    assertEquals("follower-3", r.pick());
    r.down("follower-3");
    assertEquals("follower-1", r.pick());
  }

  @Test
  void afterAFailoverLeaderReadsGoToTheNewLeaderAndTheOldOneIsAFollower() {
    ReadRouter leaderReads = router(ReadFrom.LEADER, FollowerChoice.RANDOM);
    leaderReads.leaderIs("follower-2");
    assertEquals("follower-2", leaderReads.pick());
    assertEquals("follower-2", leaderReads.leader());

    ReadRouter inTurn = router(ReadFrom.FOLLOWERS, FollowerChoice.ROUND_ROBIN);
    inTurn.leaderIs("follower-2");
    assertEquals(List.of("follower-1", "follower-3", "leader", "follower-1"), picks(inTurn, 4));
  }
}
