package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.protocol.ElectionSettings.VoteRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The election's switches, in virtual time: a range of election timeouts, elections without
 * pre-vote, and the vote rule {@code any}, which shows what Raft's election restriction prevents.
 */
class ElectionSwitchesTest {

  private static ProtocolSettings settings(CommitPolicy commit, long min, long max, boolean preVote, VoteRule rule) {
    return new ProtocolSettings(commit, 100, 100_000, TestCluster.HEARTBEAT_MICROS,
        new ElectionSettings(ElectionSettings.Strategy.ELECTION, min, max, true, ElectionSettings.Detector.FIXED, 8,
            preVote, rule, false));
  }

  private static List<ProtocolHarness.Observed> started(ProtocolHarness h) {
    return h.observed().stream().filter(o -> o.observation() instanceof Observation.ElectionStarted).toList();
  }

  private static List<ProtocolHarness.Observed> winners(ProtocolHarness h) {
    return h.observed().stream().filter(o -> o.observation() instanceof Observation.BecameLeader).toList();
  }

  @Test
  void aFollowerStandsOneDrawFromTheTimeoutRangeAfterItLastHeardTheLeader() {
    for (long seed = 1; seed <= 5; seed++) {
      ProtocolHarness h = TestCluster.start(settings(CommitPolicy.async(), ms(150), ms(160), false, VoteRule.LOG),
          3, seed).harness();
      h.network().defaultDelay(ms(2));
      h.runUntil(ms(610));
      h.crash(LEADER);
      h.runUntil(ms(1500));

      long lastHeartbeat = h.sent(Heartbeat.class).stream().filter(e -> e.from().equals(LEADER))
          .mapToLong(Envelope::sentAt).max().orElseThrow();
      assertEquals(ms(600), lastHeartbeat, "heartbeats every 50 ms");
      ProtocolHarness.Observed first = started(h).get(0);
      long waited = first.at() - (lastHeartbeat + ms(2));
      assertTrue(waited >= ms(150) && waited <= ms(160), "seed " + seed + ": " + first.node() + " stood "
          + waited + "us after it last heard the leader: a draw from [150, 160] ms");
      assertEquals(1, winners(h).size(), "seed " + seed + ": one new leader");
    }
  }

  @Test
  void withoutPreVoteASuspiciousFollowerStandsAtOnce() {
    ProtocolHarness h = TestCluster.start(settings(CommitPolicy.async(), ms(150), ms(300), false, VoteRule.LOG),
        4, 11).harness();
    h.network().defaultDelay(ms(5));
    h.runUntil(ms(500));
    h.crash(LEADER);
    h.runUntil(ms(1500));

    List<Envelope> asks = h.sent(RequestVote.class);
    assertFalse(asks.isEmpty(), "votes were asked for");
    assertTrue(asks.stream().noneMatch(e -> ((RequestVote) e.message()).preVote()), "no pre-vote asked for");
    ProtocolHarness.Observed suspected = h.observed().stream()
        .filter(o -> o.observation() instanceof Observation.LeaderSuspected).findFirst().orElseThrow();
    ProtocolHarness.Observed stood = started(h).get(0);
    assertEquals(suspected.at(), stood.at(), "it raised its term the instant it suspected the leader");
    assertEquals(suspected.node(), stood.node());
    FailoverInvariants.soleLeader(h);
  }

  @Test
  void withPreVoteAFollowerAsksForPreVotesFirst() {
    ProtocolHarness h = TestCluster.start(settings(CommitPolicy.async(), ms(150), ms(300), true, VoteRule.LOG),
        4, 11).harness();
    h.network().defaultDelay(ms(5));
    h.runUntil(ms(500));
    h.crash(LEADER);
    h.runUntil(ms(1500));

    RequestVote first = (RequestVote) h.sent(RequestVote.class).get(0).message();
    assertTrue(first.preVote(), "the first request is a pre-vote");
    FailoverInvariants.soleLeader(h);
  }

  @Test
  void withoutTheLeaseACutOffLeaderLeadsOnUntilItHearsANewerTerm() {
    ProtocolHarness h = TestCluster.start(settings(CommitPolicy.async(), ms(150), ms(300), false, VoteRule.LOG),
        2, 4).harness();
    h.network().defaultDelay(ms(5));
    h.runUntil(ms(200));
    h.network().isolate(LEADER);
    h.runUntil(ms(1500));

    assertTrue(h.observed(LEADER, Observation.LeaseExpired.class).isEmpty(), "no lease to lose");
    assertEquals(NodeStatus.Role.LEADER, h.status(LEADER).role(), "it still leads, alone, in term 1");
    assertEquals(2, h.statuses().stream().filter(st -> st.role() == NodeStatus.Role.LEADER).count(),
        "beside the leader the others elected");
    h.network().heal();
    h.runUntil(ms(2500));
    assertEquals(NodeStatus.Role.FOLLOWER, h.status(LEADER).role(), "it stepped down on hearing the newer term");
    FailoverInvariants.soleLeader(h);
  }

  /**
   * Semi-sync ANY 2 of four followers: every acknowledged write is on a majority (the leader,
   * follower-1 and follower-2). From 300 ms follower-3 hears nothing from the leader and follower-4
   * gets no entries, so follower-3 suspects the leader first, with a log 50 writes short.
   */
  private static ProtocolHarness staleFollowerStandsFirst(VoteRule rule) {
    ProtocolHarness h = TestCluster.start(settings(TestCluster.semiSync(2, ms(10_000)), ms(300), ms(310), false, rule),
        4, 5).harness();
    h.network().defaultDelay(ms(2));
    h.network().dropWhen(e -> e.from().equals(LEADER) && e.sentAt() >= ms(300)
        && (e.to().equals(follower(3)) || (e.to().equals(follower(4)) && e.message() instanceof AppendEntries)));
    for (long at = 0; at < ms(400); at += ms(2)) {
      h.write(at, "k" + (at / ms(2) % 50), "v" + at);
    }
    h.runUntil(ms(420));
    h.crash(LEADER);
    h.runUntil(ms(3000));
    return h;
  }

  @Test
  void withVoteRuleAnyAStaleFollowerWinsAndAcknowledgedWritesAreLost() {
    ProtocolHarness h = staleFollowerStandsFirst(VoteRule.ANY);

    ProtocolHarness.Observed won = winners(h).get(0);
    assertEquals(follower(3), won.node(), "the stale follower stood first and everyone voted for it");
    assertEquals(150, ((Observation.BecameLeader) won.observation()).lastLsn(), "its log ends at 300 ms's write");
    assertEquals(200, h.answers().stream().filter(a -> a.outcome().term() == 1).count(),
        "all 200 writes were acknowledged, each on a majority");
    assertEquals(50, FailoverInvariants.acknowledgedWritesLost(h).size(),
        "the 50 acknowledged writes it lacked are lost");
  }

  @Test
  void withRaftsVoteRuleTheStaleFollowerCannotWinAndNothingIsLost() {
    ProtocolHarness h = staleFollowerStandsFirst(VoteRule.LOG);

    assertEquals(follower(3), started(h).get(0).node(), "the stale follower still stood first");
    NodeStatus leader = FailoverInvariants.soleLeader(h);
    assertTrue(leader.name().equals(follower(1)) || leader.name().equals(follower(2)),
        "only a follower holding every acknowledged write could win: " + leader.name());
    assertEquals(200, leader.lastLsn());
    assertTrue(FailoverInvariants.acknowledgedWritesLost(h).isEmpty(), "nothing lost");
  }
}
