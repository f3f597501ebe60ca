package dev.replsim.protocol;

import static dev.replsim.protocol.Envelopes.withProbability;
import static dev.replsim.protocol.Invariants.assertConverged;
import static dev.replsim.protocol.Invariants.assertInLsnOrder;
import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static dev.replsim.protocol.TestCluster.settings;
import static dev.replsim.protocol.TestCluster.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.random.Distribution;
import dev.replsim.random.SeededStreams;
import java.util.stream.LongStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the network did, followers apply the leader's log in order and end with its data. */
class ConvergenceTest {

  private static final int FOLLOWERS = 3;

  @Test
  void followersApplyEntriesStrictlyInLsnOrderAndEndWithTheLeadersDigest() {
    SeededStreams streams = new SeededStreams(1);
    Distribution applyTime = new Distribution.Uniform(0, ms(2));
    ProtocolHarness h = TestCluster.start(settings(CommitPolicy.async()), FOLLOWERS, applyTime);
    for (int i = 1; i <= FOLLOWERS; i++) {
      h.network().roundTrip(LEADER, follower(i), ms(3 * i));
      h.journalDelay(follower(i), ms(i));
    }
    UniformRandomProvider keys = streams.stream("client:1");
    for (int i = 0; i < 500; i++) {
      // 50 keys: later writes overwrite earlier ones, so the apply order shows in the data
      h.write(ms(i) / 2, "k" + keys.nextInt(50), "v" + i);
    }

    h.runUntilIdle();

    for (int i = 1; i <= FOLLOWERS; i++) {
      assertInLsnOrder(h, follower(i), Observation.Received.class, 500);
      assertInLsnOrder(h, follower(i), Observation.Durable.class, 500);
      assertInLsnOrder(h, follower(i), Observation.Applied.class, 500);
    }
    assertConverged(h);
  }

  static LongStream seeds() {
    return LongStream.concat(LongStream.rangeClosed(1, 40), LongStream.of(494, 514));
  }

  /**
   * Each seed picks the batch size, the window and the link and journal delays; for two seconds
   * every link loses, duplicates and holds back up to 30 % each of all messages (appends, acks,
   * heartbeats and resend requests alike), then the network heals. Under sync every write must
   * then be answered and every replica converge. Seeds 494 and 514 crashed the leader with
   * a stale resend request before that was fixed.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void replicasConvergeOnceLossDuplicationAndReorderingHeal(long seed) {
    SeededStreams streams = new SeededStreams(seed);
    UniformRandomProvider pick = streams.stream("settings");
    int maxBatch = 1 + pick.nextInt(8);
    long maxInFlight = maxBatch + pick.nextInt(16);
    double loss = pick.nextDouble() * 0.3;
    double duplicate = pick.nextDouble() * 0.3;
    double holdBack = pick.nextDouble() * 0.3;
    Distribution applyTime = new Distribution.Uniform(0, ms(pick.nextInt(3)));
    ProtocolSettings settings =
        new ProtocolSettings(sync(AckLevel.APPLIED), maxBatch, maxInFlight, ms(50));
    ProtocolHarness h = TestCluster.of(settings, FOLLOWERS).applyTime(applyTime).seed(seed).start().harness();
    UniformRandomProvider net = streams.stream("network");
    for (int i = 1; i <= FOLLOWERS; i++) {
      h.network()
          .delay(LEADER, follower(i), ms(1 + net.nextInt(80)))
          .delay(follower(i), LEADER, ms(1 + net.nextInt(80)));
      h.journalDelay(follower(i), net.nextInt(3000));
    }
    h.network()
        .dropWhen(withProbability(loss, net::nextDouble))
        .duplicateWhen(withProbability(duplicate, net::nextDouble))
        .delayWhen(withProbability(holdBack, net::nextDouble), ms(1 + net.nextInt(100)));
    UniformRandomProvider client = streams.stream("client:1");
    int writes = 0;
    for (long t = 0; t < ms(2000); t += 1 + client.nextLong(ms(4))) {
      h.write(t, "k" + client.nextInt(100), "v" + writes++);
    }

    h.runUntil(ms(2000));
    h.network().heal();
    h.runUntil(ms(600_000)); // a window of 2 over a 160 ms round trip catches up slowly

    assertEquals(writes, h.answers().size(), "unanswered writes");
    assertTrue(h.answers().stream().noneMatch(a -> a.outcome().fallback()));
    for (int i = 1; i <= FOLLOWERS; i++) {
      assertInLsnOrder(h, follower(i), Observation.Received.class, writes);
      assertInLsnOrder(h, follower(i), Observation.Applied.class, writes);
    }
    assertConverged(h);
  }
}
