package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static dev.replsim.protocol.TestCluster.semiSync;
import static dev.replsim.protocol.TestCluster.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.storage.Statement;
import org.junit.jupiter.api.Test;

/**
 * When other clients can read a write on the leader: after sync only once it is committed, after
 * commit as soon as the leader has it, before any follower acked it. One follower 10 ms away, so
 * a semi-sync write commits at 20 ms.
 */
class WaitPointTest {

  private static ProtocolHarness cluster(WaitPoint waitPoint) {
    ProtocolHarness h = TestCluster.start(settings(semiSync(1, ms(1000)).with(waitPoint)), 1);
    h.network().defaultDelay(ms(10));
    return h;
  }

  private static ReadOutcome readAt(ProtocolHarness h, long at, String key) {
    long id = h.read(at, LEADER, key);
    h.runUntil(at);
    return h.readAnswer(id).outcome();
  }

  @Test
  void afterCommitAWriteIsVisibleOnTheLeaderBeforeAnyAck() {
    ProtocolHarness h = cluster(WaitPoint.AFTER_COMMIT);
    long write = h.write(0, "k", "new");

    ReadOutcome before = readAt(h, ms(5), "k");

    assertEquals("new", before.value());
    assertEquals(1, before.lsn());
    assertTrue(h.sent(Ack.class).isEmpty(), "no follower has acked yet");
    assertTrue(h.answers().isEmpty(), "its own client has not heard it committed");
    h.runUntilIdle();
    assertEquals(ms(20), h.answer(write).latency());
  }

  @Test
  void afterSyncAWriteIsInvisibleUntilCommitted() {
    ProtocolHarness h = cluster(WaitPoint.AFTER_SYNC);
    h.write(0, "k", "old");
    h.runUntil(ms(30));
    h.write(ms(30), "k", "new");

    ReadOutcome during = readAt(h, ms(35), "k");
    ReadOutcome after = readAt(h, ms(55), "k");

    assertEquals("old", during.value());
    assertEquals(1, during.lsn());
    assertEquals("new", after.value());
    assertEquals(2, after.lsn());
  }

  @Test
  void afterSyncHidesEveryRowOfAMultiRowUpdateAndNothingElse() {
    ProtocolHarness h = cluster(WaitPoint.AFTER_SYNC);
    h.write(0, "k1", "a");
    h.write(0, "k10", "a");
    h.write(0, "k2", "a");
    h.runUntil(ms(30));
    h.write(ms(30), new Statement.UpdatePrefix("k1", "b", 1));
    h.write(ms(30), "k2", "b");

    assertEquals("a", readAt(h, ms(35), "k10").value());
    assertEquals("a", readAt(h, ms(35), "k1").value());
    assertEquals("a", readAt(h, ms(35), "k2").value());
    assertEquals(null, readAt(h, ms(35), "k3").value());
    assertEquals("b", readAt(h, ms(55), "k10").value());
  }

  @Test
  void aFollowerAnswersWithWhatItHasApplied() {
    ProtocolHarness h = cluster(WaitPoint.AFTER_SYNC);
    h.write(0, "k", "v");

    long early = h.read(ms(5), follower(1), "k");
    long late = h.read(ms(15), follower(1), "k");
    h.runUntilIdle();

    // the empty state is LSN 0, which no term wrote: term 0, whatever term the follower is in
    assertEquals(new ReadOutcome("client", early, "k", null, 0, 0, 0), h.readAnswer(early).outcome());
    assertEquals(new ReadOutcome("client", late, "k", "v", 1, 1, 0), h.readAnswer(late).outcome());
  }
}
