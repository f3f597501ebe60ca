package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static dev.replsim.protocol.TestCluster.semiSync;
import static dev.replsim.protocol.TestCluster.settings;
import static dev.replsim.protocol.TestCluster.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.protocol.ProtocolHarness.Answer;
import dev.replsim.protocol.ProtocolHarness.Observed;
import dev.replsim.random.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the leader answers a write, in each commit mode, at each ack level. */
class CommitModeTest {

  /** Three followers 10, 50 and 100 ms away (one way): round trips of 20, 100 and 200 ms. */
  static ProtocolHarness threeFollowers(CommitPolicy commit) {
    ProtocolHarness h = TestCluster.start(settings(commit), 3);
    h.network()
        .roundTrip(LEADER, follower(1), ms(10))
        .roundTrip(LEADER, follower(2), ms(50))
        .roundTrip(LEADER, follower(3), ms(100));
    return h;
  }

  @Test
  void asyncCommitsRightAfterTheLocalAppendBeforeAnyAck() {
    ProtocolHarness h = threeFollowers(CommitPolicy.async());
    long id = h.write(ms(5), "k", "v");

    h.runUntil(ms(5));

    assertEquals(new Answer(ms(5), ms(5), new WriteOutcome("client", id, 1, 1, false)), h.answer(id));
    assertTrue(h.sent(Ack.class).isEmpty());
  }

  @Test
  void asyncWaitsForTheLeadersOwnJournal() {
    ProtocolHarness h = threeFollowers(CommitPolicy.async()).journalDelay(LEADER, ms(3));
    long id = h.write(0, "k", "v");

    h.runUntilIdle();

    assertEquals(ms(3), h.answer(id).answeredAt());
  }

  @Test
  void syncWaitsForTheSlowestFollowersRoundTrip() {
    ProtocolHarness h = threeFollowers(sync(AckLevel.APPLIED));
    long id = h.write(0, "k", "v");

    h.runUntilIdle();

    assertEquals(ms(200), h.answer(id).latency());
    assertFalse(h.answer(id).outcome().fallback());
  }

  @ParameterizedTest(name = "acks = {0} commits at {1} ms")
  @CsvSource({"1, 20", "2, 100", "3, 200"})
  void semiSyncCommitsAtTheRoundTripOfTheKthFastestFollower(int acks, long commitMs) {
    ProtocolHarness h = threeFollowers(semiSync(acks, ms(1000)));
    long id = h.write(0, "k", "v");

    h.runUntilIdle();

    assertEquals(ms(commitMs), h.answer(id).latency());
    assertFalse(h.answer(id).outcome().fallback());
  }

  @ParameterizedTest(name = "FIRST 1 of {0} commits at {1} ms")
  @CsvSource({"follower-3, 200", "follower-2, 100", "follower-1, 20"})
  void firstOneWaitsForTheFirstStandbyInTheListWhateverItsDelay(String first, long commitMs) {
    List<String> standbys = new java.util.ArrayList<>(List.of(first));
    for (int i = 1; i <= 3; i++) {
      if (!standbys.contains(follower(i))) {
        standbys.add(follower(i));
      }
    }
    ProtocolHarness h = threeFollowers(semiSync(1, ms(1000)).with(Quorum.FIRST, standbys));
    long id = h.write(0, "k", "v");

    h.runUntilIdle();

    assertEquals(ms(commitMs), h.answer(id).latency());
  }

  @Test
  void firstTwoWaitsForBothOfTheFirstTwoStandbys() {
    ProtocolHarness h = threeFollowers(
        semiSync(2, ms(1000)).with(Quorum.FIRST, List.of(follower(1), follower(3), follower(2))));
    long id = h.write(0, "k", "v");

    h.runUntilIdle();

    assertEquals(ms(200), h.answer(id).latency());
  }

  @Test
  void anyKCountsOnlyTheListedStandbys() {
    ProtocolHarness h = threeFollowers(semiSync(1, ms(1000)).with(Quorum.ANY, List.of(follower(2), follower(3))));
    long id = h.write(0, "k", "v");

    h.runUntilIdle();

    assertEquals(ms(100), h.answer(id).latency()); // follower-1, 20 ms away, does not count
  }

  /**
   * One follower 10 ms away whose journal takes 5 ms and which applies an entry in 3 ms: it
   * acks the entry as received at 10 ms, durable at 15 ms and applied at 18 ms.
   */
  @ParameterizedTest(name = "{0} commits at {1} ms")
  @CsvSource({"RECEIVED, 20", "DURABLE, 25", "APPLIED, 28"})
  void theAckLevelDecidesWhichFollowerPositionCommits(AckLevel level, long commitMs) {
    ProtocolHarness h = TestCluster.start(settings(sync(level)), 1, new Distribution.Constant(ms(3)))
        .journalDelay(follower(1), ms(5));
    h.network().defaultDelay(ms(10));
    long id = h.write(0, "k", "v");

    h.runUntilIdle();

    assertEquals(ms(commitMs), h.answer(id).latency());
    assertEquals(3, h.sent(Ack.class).size());
  }

  @Test
  void semiSyncFallsBackToAsyncAfterTimeoutWhenAFollowerIsPartitioned() {
    ProtocolHarness h = threeFollowers(semiSync(3, ms(1000)));
    h.network().roundTrip(LEADER, follower(3), ms(10)).isolate(follower(3));
    for (int i = 0; i < 10; i++) {
      h.write(ms(i), "k" + i, "v" + i);
    }

    h.runUntil(ms(999));
    assertTrue(h.answers().isEmpty());
    assertEquals(ms(1000), h.armedTimer(LEADER, TimerKey.COMMIT_TIMEOUT));

    h.runUntil(ms(1000));
    assertEquals(1, h.answers().size());
    assertEquals(ms(1001), h.armedTimer(LEADER, TimerKey.COMMIT_TIMEOUT)); // the next deadline

    h.runUntil(ms(2000));
    List<Answer> answers = h.answers();
    assertEquals(10, answers.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(ms(1000), answers.get(i).latency());
      assertTrue(answers.get(i).outcome().fallback());
    }
    List<Observed> fallbacks = h.observed(LEADER, Observation.Fallback.class);
    assertEquals(10, fallbacks.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(new Observation.Fallback(i + 1, 2, 3), fallbacks.get(i).observation());
      assertEquals(ms(1000 + i), fallbacks.get(i).at());
    }
  }

  @Test
  void onlyOneCommitTimeoutIsArmedForManyWaitingWrites() {
    Leader leader = new Leader(LEADER, 1, List.of(follower(1)), settings(semiSync(1, ms(1000))));
    leader.start(0);
    int timersSet = 0;
    for (int i = 0; i < 100; i++) {
      Decision d = leader.onWrite(new Write("client", i, "k", "v", 1), ms(i));
      leader.onDurable(i + 1, ms(i));
      if (d.timers().containsKey(TimerKey.COMMIT_TIMEOUT)) {
        timersSet++;
        assertEquals(ms(1000), d.timers().get(TimerKey.COMMIT_TIMEOUT));
      }
    }
    assertEquals(1, timersSet);
    assertEquals(100, leader.pendingWrites());
  }

  @Test
  void semiSyncCommitsWithoutFallbackAgainOnceThePartitionHeals() {
    ProtocolHarness h = threeFollowers(semiSync(3, ms(1000)));
    h.network().roundTrip(LEADER, follower(3), ms(10)).isolate(follower(3));
    long during = h.write(0, "a", "1");
    h.runUntil(ms(1500));
    assertTrue(h.answer(during).outcome().fallback());

    h.network().heal();
    h.runUntil(ms(1600)); // a heartbeat shows follower-3 what it missed; it catches up
    long after = h.write(ms(1600), "b", "2");
    h.runUntil(ms(2000));

    assertFalse(h.answer(after).outcome().fallback());
    assertEquals(ms(100), h.answer(after).latency()); // follower-2 is now the slowest
    Invariants.assertConverged(h);
  }
}
