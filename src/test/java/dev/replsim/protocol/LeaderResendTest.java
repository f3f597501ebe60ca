package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static dev.replsim.protocol.TestCluster.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the leader serves resend requests, input by input, without a network in between. */
class LeaderResendTest {

  private static final String F1 = follower(1);

  private final Leader leader = new Leader(LEADER, 1, List.of(F1), settings(CommitPolicy.async()));

  /** Appends LSNs 1..n and ships them. */
  private void writeAndShip(int n) {
    leader.start(0);
    for (int i = 1; i <= n; i++) {
      leader.onWrite(new Write("client", i, "k" + i, "v", 1), 0);
      leader.onDurable(i, 0);
    }
    leader.onFlush(0);
  }

  private static List<AppendEntries> appends(Decision d) {
    return d.sends().stream().map(Decision.Send::message)
        .filter(AppendEntries.class::isInstance).map(AppendEntries.class::cast).toList();
  }

  @Test
  void aResendRequestRewindsToTheFirstMissingEntry() {
    writeAndShip(8);
    Decision d = leader.onMessage(new ResendRequest(1, F1, 1, 3), ms(1));
    assertEquals(List.of(new Observation.ResendServed(F1, 3)), d.observations());
    assertTrue(d.flushRequested());

    List<AppendEntries> resent = appends(leader.onFlush(ms(1)));
    assertEquals(1, resent.size());
    assertEquals(3, resent.get(0).firstLsn());
    assertEquals(8, resent.get(0).lastLsn());
  }

  /**
   * The request for LSN 3 was duplicated (or overtaken by the ack) and arrives again after the
   * follower acked everything. The leader must not rewind below what the follower has acked: a
   * heartbeat may truncate the log to that point before the flush runs (a timer already queued in
   * the node's mailbox), and the flush then shipped from an LSN the log no longer held.
   */
  @Test
  void aStaleResendRequestIsIgnored() {
    writeAndShip(8);
    leader.onMessage(new ResendRequest(1, F1, 1, 3), ms(1));
    leader.onFlush(ms(1));
    leader.onMessage(new Ack(1, F1, 1, 8, 8, 8), ms(2));

    Decision stale = leader.onMessage(new ResendRequest(1, F1, 1, 3), ms(3));
    leader.onTimer(TimerKey.HEARTBEAT, ms(50), ms(50)); // truncates below what every follower received
    Decision flush = leader.onFlush(ms(50));

    assertTrue(stale.observations().isEmpty());
    assertFalse(stale.flushRequested());
    assertTrue(appends(flush).isEmpty());
    assertEquals(9, leader.log().firstLsn());
  }

  /**
   * A resend request tells the leader what the follower has received: with acks lost, it may be
   * more than the leader shipped since its last rewind. The next LSN to ship must move up with
   * it, or the heartbeat's truncation leaves it pointing below the log.
   */
  @Test
  void aResendRequestAlsoMovesTheNextLsnPastWhatTheFollowerHasReceived() {
    writeAndShip(8); // the follower receives 1..8; its acks are lost
    leader.onMessage(new ResendRequest(1, F1, 1, 3), ms(1)); // a stale one: the leader cannot tell
    // the flush for that rewind is still queued when a fresh request arrives and a heartbeat fires
    leader.onMessage(new ResendRequest(1, F1, 1, 9), ms(2));
    leader.onTimer(TimerKey.HEARTBEAT, ms(50), ms(50));

    assertTrue(appends(leader.onFlush(ms(50))).isEmpty());
    // received, but not known durable: a follower that crashed now would come back without them
    assertEquals(1, leader.log().firstLsn());
  }
}
