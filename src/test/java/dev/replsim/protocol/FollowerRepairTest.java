package dev.replsim.protocol;

import static dev.replsim.protocol.Envelopes.nth;
import static dev.replsim.protocol.Envelopes.ofType;
import static dev.replsim.protocol.Invariants.assertConverged;
import static dev.replsim.protocol.Invariants.assertInLsnOrder;
import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static dev.replsim.protocol.TestCluster.settings;
import static dev.replsim.protocol.TestCluster.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.protocol.ProtocolHarness.Observed;
import dev.replsim.random.SeededStreams;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Loss, duplication and reordering are repaired by the protocol: gaps are found and resent,
 * duplicates are ignored, and acks carry positions, so a later ack replaces a lost one.
 */
class FollowerRepairTest {

  private static final String F1 = follower(1);

  /** One follower 10 ms away, and a network that loses or duplicates what the test says. */
  private static ProtocolHarness oneFollower(CommitPolicy commit,
      Consumer<SimulatedNetwork> faults) {
    ProtocolHarness h = TestCluster.start(settings(commit), 1);
    faults.accept(h.network().defaultDelay(ms(10)));
    return h;
  }

  private static void writeEveryMs(ProtocolHarness h, int count) {
    for (int i = 0; i < count; i++) {
      h.write(ms(i), "k" + i, "v" + i);
    }
  }

  @Test
  void followerRequestsResendOnceAfterAGapAndConverges() {
    ProtocolHarness h = oneFollower(CommitPolicy.async(),
        net -> net.dropWhen(nth(5, ofType(AppendEntries.class))));
    writeEveryMs(h, 20); // LSN 5, written at 4 ms, is lost

    h.runUntilIdle();

    // LSN 6 arrives at 15 ms and reveals the gap; LSNs 7..20 reveal it again but ask nothing
    List<Observed> gaps = h.observed(F1, Observation.GapDetected.class);
    assertEquals(15, gaps.size());
    assertEquals(ms(15), gaps.get(0).at());
    assertEquals(new Observation.GapDetected(5, 6), gaps.get(0).observation());
    List<Envelope> requests = h.sent(ResendRequest.class);
    assertEquals(1, requests.size());
    assertEquals(new ResendRequest(1, F1, 1, 5), requests.get(0).message());
    assertEquals(ms(15), requests.get(0).sentAt());
    // the leader rewinds at 25 ms and ships everything from LSN 5 in one batch
    List<Observed> served = h.observed(LEADER, Observation.ResendServed.class);
    assertEquals(List.of(new Observation.ResendServed(F1, 5)),
        served.stream().map(Observed::observation).toList());
    Envelope resend = h.sent(AppendEntries.class).get(20);
    assertEquals(ms(25), resend.sentAt());
    assertEquals(5, ((AppendEntries) resend.message()).firstLsn());
    assertEquals(20, ((AppendEntries) resend.message()).lastLsn());
    assertInLsnOrder(h, F1, Observation.Received.class, 20);
    assertInLsnOrder(h, F1, Observation.Applied.class, 20);
    assertConverged(h);
  }

  @Test
  void theLastBatchLostIsRepairedThroughTheHeartbeat() {
    ProtocolHarness h = oneFollower(CommitPolicy.async(),
        net -> net.dropWhen(nth(5, ofType(AppendEntries.class))));
    writeEveryMs(h, 5); // the last one is lost, and no later batch reveals it

    h.runUntil(ms(49));
    assertEquals(4, h.status(F1).lastLsn());
    assertTrue(h.sent(ResendRequest.class).isEmpty());

    // the heartbeat at 50 ms says LSN 5 was shipped: the follower asks at 60, has it at 80
    h.runUntil(ms(100));
    assertEquals(ms(60), h.sent(ResendRequest.class).get(0).sentAt());
    Observed received = h.observed(F1, Observation.Received.class).get(4);
    assertEquals(ms(80), received.at());
    assertEquals(new Observation.Received(5, 5), received.observation());
    assertConverged(h);
  }

  @Test
  void aLostResendRequestIsAskedForAgainAfterABackOff() {
    ProtocolHarness h = oneFollower(CommitPolicy.async(), net -> net
        .dropWhen(nth(5, ofType(AppendEntries.class)))
        .dropWhen(nth(1, ofType(ResendRequest.class))));
    writeEveryMs(h, 20);

    h.runUntil(ms(200));

    // asked at 15 ms (lost); the heartbeat arriving at 60 ms is within the 50 ms back-off,
    // the one arriving at 110 ms is not
    assertEquals(List.of(ms(15), ms(110)),
        h.sent(ResendRequest.class).stream().map(Envelope::sentAt).toList());
    assertInLsnOrder(h, F1, Observation.Received.class, 20);
    assertConverged(h);
  }

  @Test
  void duplicatedAndReorderedMessagesAreHarmless() {
    List<NodeStatus> clean = runWorkload(net -> {});
    List<NodeStatus> duplicated = runWorkload(net -> net.duplicateWhen(e -> true));
    UniformRandomProvider rng = new SeededStreams(7).stream("test:reorder");
    List<NodeStatus> reordered = runWorkload(
        net -> net.delayWhen(Envelopes.withProbability(0.3, rng::nextDouble), ms(15)));

    assertEquals(clean, duplicated);
    assertEquals(clean, reordered);
  }

  /** 3 followers, 100 writes over 20 keys (so the order of applies shows in the data). */
  private static List<NodeStatus> runWorkload(Consumer<SimulatedNetwork> faults) {
    ProtocolHarness h = TestCluster.start(settings(sync(AckLevel.APPLIED)), 3);
    for (int i = 1; i <= 3; i++) {
      h.network().roundTrip(LEADER, follower(i), ms(10 * i));
    }
    faults.accept(h.network());
    for (int i = 0; i < 100; i++) {
      h.write(ms(i), "k" + (i % 20), "v" + i);
    }
    h.runUntil(ms(2000));
    assertEquals(100, h.answers().size());
    for (int i = 1; i <= 3; i++) {
      assertInLsnOrder(h, follower(i), Observation.Received.class, 100);
      assertInLsnOrder(h, follower(i), Observation.Applied.class, 100);
    }
    assertConverged(h);
    return h.statuses();
  }

  @Test
  void aLostAckIsRepairedByTheNextAck() {
    ProtocolHarness h = oneFollower(sync(AckLevel.APPLIED),
        net -> net.dropWhen(nth(1, ofType(Ack.class))));
    long first = h.write(0, "a", "1");
    long second = h.write(ms(20), "b", "2");

    h.runUntilIdle();

    // the ack for LSN 1 (sent at 10 ms) is lost; the ack for LSN 2 covers both
    assertEquals(ms(40), h.answer(first).answeredAt());
    assertEquals(ms(40), h.answer(second).answeredAt());
  }

  @Test
  void aLostAckIsRepairedByTheAckAnsweringTheNextHeartbeat() {
    ProtocolHarness h = oneFollower(sync(AckLevel.APPLIED),
        net -> net.dropWhen(nth(1, ofType(Ack.class))));
    long only = h.write(0, "a", "1");

    h.runUntil(ms(100));

    // heartbeat at 50 ms, the follower's ack at 60 ms, the commit at 70 ms
    assertEquals(ms(70), h.answer(only).answeredAt());
  }
}
