package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.protocol.ProtocolHarness.ReadAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session's reads on a follower (read-your-writes, monotonic reads): a read that asks for a
 * state the follower has not applied yet waits for it, without holding up anything else, and
 * after its wait is answered with the state the follower has, short of what it asked for, so the
 * client can go to the leader. One follower 10 ms from the leader unless a test says otherwise.
 */
class SessionReadTest {

  private static final ProtocolSettings ASYNC = TestCluster.settings(CommitPolicy.async());

  private static ProtocolHarness cluster(long delayMicros) {
    ProtocolHarness h = TestCluster.start(ASYNC, 1);
    h.network().defaultDelay(delayMicros);
    return h;
  }

  private static LogPosition lsn(long lsn) {
    return new LogPosition(1, lsn);
  }

  @Test
  void aFollowerReadWaitsUntilTheFollowerHasAppliedTheSessionsLsn() {
    ProtocolHarness h = cluster(ms(10));
    h.write(0, "k", "v1");
    long read = h.read(ms(1), follower(1), "k", lsn(1), ms(100));

    h.runUntil(ms(9));
    assertFalse(h.answered(read), "held while the follower has not applied LSN 1");
    h.runUntil(ms(10));

    ReadAnswer answer = h.readAnswer(read);
    assertEquals(ms(10), answer.answeredAt(), "released when LSN 1 is applied, 10 ms after the write");
    assertEquals("v1", answer.outcome().value());
    assertEquals(1, answer.outcome().lsn());
    assertEquals(1, answer.outcome().term());
    assertEquals(ms(9), answer.outcome().waitedMicros());
  }

  @Test
  void aFollowerReadTimesOutWithTheStateItHasSoTheClientCanGoToTheLeader() {
    ProtocolHarness h = cluster(ms(50));
    h.write(0, "k", "v1");
    long read = h.read(ms(1), follower(1), "k", lsn(1), ms(20));
    h.runUntil(ms(21));

    ReadAnswer answer = h.readAnswer(read);
    assertEquals(ms(21), answer.answeredAt(), "answered when its 20 ms wait is over");
    assertEquals(0, answer.outcome().lsn());
    assertFalse(new Read("client", read, "k", lsn(1), ms(20)).metBy(answer.outcome()),
        "the answer shows the client its session was not met");
    assertEquals(ms(20), answer.outcome().waitedMicros());

    long leaderRead = h.read(ms(21), LEADER, "k", lsn(1), ms(20));
    h.runUntil(ms(21));
    assertEquals("v1", h.readAnswer(leaderRead).outcome().value(), "the leader has it");
  }

  @Test
  void holdingAReadDoesNotHoldUpTheFollower() {
    ProtocolHarness h = cluster(ms(10));
    h.write(0, "k", "v1");
    h.write(ms(20), "k", "v2");
    long waiting = h.read(ms(1), follower(1), "k", lsn(2), ms(100));
    long plain = h.read(ms(5), follower(1), "k");

    h.runUntil(ms(10));
    assertEquals(ms(5), h.readAnswer(plain).answeredAt(), "a read without a session is answered at once");
    assertNull(h.readAnswer(plain).outcome().value(), "stale: the follower has nothing yet");
    assertEquals(1, h.status(follower(1)).appliedLsn(), "the follower applied LSN 1 meanwhile");
    assertEquals(1, h.sent(Ack.class).size(), "and acked it");
    assertFalse(h.answered(waiting), "LSN 1 is not the LSN 2 the session asks for");

    h.runUntil(ms(30));
    assertEquals("v2", h.readAnswer(waiting).outcome().value());
    assertEquals(ms(30), h.readAnswer(waiting).answeredAt());
  }

  @Test
  void aReadThatMayNotWaitIsAnsweredAtOnce() {
    ProtocolHarness h = cluster(ms(10));
    h.write(0, "k", "v1");
    long read = h.read(ms(1), follower(1), "k", lsn(1), 0);
    h.runUntil(ms(1));

    assertEquals(ms(1), h.readAnswer(read).answeredAt());
    assertEquals(0, h.readAnswer(read).outcome().lsn());
    assertNull(h.armedTimer(follower(1), TimerKey.READ_TIMEOUT));
  }

  @Test
  void oneReadTimerFollowsTheEarliestDeadlineAndStopsWhenNoReadWaits() {
    ProtocolHarness h = cluster(ms(100));
    h.write(0, "k", "v1");
    long short_ = h.read(ms(1), follower(1), "k", lsn(1), ms(20));
    long long_ = h.read(ms(2), follower(1), "k", lsn(1), ms(500));
    h.runUntil(ms(2));
    assertEquals(ms(21), h.armedTimer(follower(1), TimerKey.READ_TIMEOUT));

    h.runUntil(ms(21));
    assertTrue(h.answered(short_));
    assertEquals(ms(502), h.armedTimer(follower(1), TimerKey.READ_TIMEOUT), "re-armed for the other read");

    h.runUntil(ms(100));
    assertEquals(ms(98), h.readAnswer(long_).outcome().waitedMicros(), "released by the apply at 100 ms");
    assertNull(h.armedTimer(follower(1), TimerKey.READ_TIMEOUT), "nothing waits: no timer");
  }

  @Test
  void theLeaderShowsASessionTheStateItHasAlreadySeenOnAFollower() {
    // sync over a near and a far follower: the near one applies LSN 1 at 10 ms, the leader hides
    // it from other clients until the far one acks, 200 ms after the write
    ProtocolHarness h = TestCluster.start(TestCluster.settings(TestCluster.sync(AckLevel.APPLIED)), 2);
    h.network().roundTrip(LEADER, follower(1), ms(10)).roundTrip(LEADER, follower(2), ms(100));
    h.write(0, "k", "v1");
    long seen = h.read(ms(20), follower(1), "k");
    long others = h.read(ms(20), LEADER, "k");
    long session = h.read(ms(20), LEADER, "k", lsn(1), ms(100));
    h.runUntil(ms(20));

    assertEquals("v1", h.readAnswer(seen).outcome().value());
    assertNull(h.readAnswer(others).outcome().value(), "after sync: not committed, not visible");
    assertEquals("v1", h.readAnswer(session).outcome().value(), "a session that saw v1 never sees less");
    assertEquals(ms(20), h.readAnswer(session).answeredAt(), "the leader never holds a read");
  }

  @Test
  void aStateOfANewerTermIsNewerThanAnyLsnOfAnOlderTerm() {
    LogPosition old = new LogPosition(1, 5000);
    LogPosition restarted = new LogPosition(2, 3);

    assertTrue(old.reachedBy(2, 3));
    assertFalse(restarted.reachedBy(1, 5000));
    assertEquals(restarted, old.max(restarted));
    assertTrue(LogPosition.ORIGIN.reachedBy(1, 0));
    assertEquals(List.of(LogPosition.ORIGIN, old, restarted),
        List.of(restarted, LogPosition.ORIGIN, old).stream().sorted().toList());
  }
}
