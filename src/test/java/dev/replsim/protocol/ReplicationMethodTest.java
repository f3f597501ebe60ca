package dev.replsim.protocol;

import static dev.replsim.protocol.Invariants.assertConverged;
import static dev.replsim.protocol.TestCluster.LEADER;
import static dev.replsim.protocol.TestCluster.follower;
import static dev.replsim.protocol.TestCluster.ms;
import static dev.replsim.protocol.TestCluster.settings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.replsim.storage.PageStore;
import dev.replsim.storage.RowImage;
import dev.replsim.storage.Statement;
import dev.replsim.storage.Statement.Call;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** What each replication method does to the replicas: diverge, agree, agree to the byte, refuse. */
class ReplicationMethodTest {

  /** Every kind of statement, NOW(), RAND() and UUID() among them, over 20 keys. */
  private static void writeEveryKindOfStatement(ProtocolHarness h) {
    for (int i = 0; i < 200; i++) {
      String key = "k" + (i % 20);
      Statement s = switch (i % 8) {
        case 0 -> new Statement.AssignCall(key, Call.NOW);
        case 1 -> new Statement.AssignCall(key, Call.RAND);
        case 2 -> new Statement.AssignCall(key, Call.UUID);
        case 3 -> new Statement.Increment(key, i);
        case 4 -> new Statement.Delete(key);
        case 5 -> new Statement.UpdatePrefix("k1", "u" + i, 64);
        default -> new Statement.Assign(key, "v" + i, 64);
      };
      h.write(ms(i), s);
    }
  }

  private static ProtocolHarness cluster(ReplicationMethod method, int... versions) {
    ProtocolHarness h = TestCluster.start(settings(CommitPolicy.async()), method, RowImage.MINIMAL, versions);
    for (int i = 1; i < versions.length; i++) {
      h.network().roundTrip(LEADER, follower(i), ms(3 * i));
    }
    return h;
  }

  @Test
  void statementReplicationDivergesOnNowRandAndUuid() {
    ProtocolHarness h = cluster(ReplicationMethod.STATEMENT, 1, 1, 1);
    writeEveryKindOfStatement(h);

    h.runUntilIdle();

    NodeStatus leader = h.status(LEADER);
    for (int i = 1; i <= 2; i++) {
      NodeStatus f = h.status(follower(i));
      assertEquals(leader.lastLsn(), f.appliedLsn(), "every statement applied");
      assertNotEquals(leader.digest(), f.digest(), f.name() + " diverged");
    }
  }

  @Test
  void underStatementReplicationEachNodeEvaluatesNowWithItsOwnClock() {
    ProtocolHarness h = cluster(ReplicationMethod.STATEMENT, 1, 1, 1);
    h.write(ms(300), new Statement.AssignCall("t", Call.NOW));

    h.runUntilIdle();

    assertEquals("300000", h.node(LEADER, Leader.class).store().value("t"));
    assertEquals("303000", h.node(follower(1), Follower.class).store().value("t")); // 3 ms away
    assertEquals("306000", h.node(follower(2), Follower.class).store().value("t")); // 6 ms away
  }

  @ParameterizedTest
  @EnumSource(value = ReplicationMethod.class, names = {"LOGICAL", "MIXED", "WAL"})
  void rowAndWalReplicationAgreeWhateverTheStatementsDrew(ReplicationMethod method) {
    ProtocolHarness h = cluster(method, 1, 1, 1);
    writeEveryKindOfStatement(h);

    h.runUntilIdle();

    assertConverged(h);
  }

  @Test
  void walReplicasAreByteIdenticalToTheLeader() {
    ProtocolHarness h = cluster(ReplicationMethod.WAL, 2, 2, 2);
    writeEveryKindOfStatement(h);

    h.runUntilIdle();

    PageStore leader = (PageStore) h.node(LEADER, Leader.class).store();
    for (int i = 1; i <= 2; i++) {
      PageStore replica = (PageStore) h.node(follower(i), Follower.class).store();
      for (int p = 0; p < leader.pageCount(); p++) {
        assertArrayEquals(leader.pageBytes(p), replica.pageBytes(p), follower(i) + " page " + p);
      }
    }
  }

  @Test
  void aFollowerOfAnotherPageFormatRefusesTheWalStreamAndKeepsRefusing() {
    ProtocolHarness h = cluster(ReplicationMethod.WAL, 1, 1, 2);
    for (int i = 0; i < 5; i++) {
      h.write(ms(i), "k" + i, "v" + i); // five batches in flight before the first refusal arrives
    }

    h.runUntilIdle();

    List<ProtocolHarness.Observed> refused = h.observed(follower(2), Observation.StreamRefused.class);
    assertEquals(1, refused.size());
    assertEquals(new Observation.StreamRefused(1,
        "WAL of page format version 1 cannot be replayed on page format version 2"), refused.get(0).observation());
    assertEquals(5, h.sent(StreamRefused.class).size(), "every batch refused");
    assertEquals(0, h.status(follower(2)).lastLsn());
    assertEquals(5, h.status(follower(1)).appliedLsn(), "the others carry on");
    assertEquals(5, h.answers().size());
    long shippedTo2 = h.sent(AppendEntries.class).stream().filter(e -> e.to().equals(follower(2))).count();
    assertEquals(5, shippedTo2, "nothing shipped once it refused");
    h.write(ms(100), "k9", "v9");
    h.runUntilIdle();
    assertEquals(shippedTo2, h.sent(AppendEntries.class).stream().filter(e -> e.to().equals(follower(2))).count());
  }

  @Test
  void logicalReplicationCarriesOnAcrossPageFormats() {
    ProtocolHarness h = cluster(ReplicationMethod.LOGICAL, 1, 1, 2);
    writeEveryKindOfStatement(h);

    h.runUntilIdle();

    assertConverged(h);
    assertNull(h.node(follower(2), Follower.class).refusal());
  }

  @Test
  void firstKPassesOverAStandbyThatRefusedTheStream() {
    CommitPolicy firstOne = new CommitPolicy(CommitMode.SEMI_SYNC, 1, AckLevel.APPLIED, ms(1000))
        .with(Quorum.FIRST, List.of(follower(2), follower(1)));
    ProtocolHarness h = TestCluster.start(settings(firstOne), ReplicationMethod.WAL, RowImage.MINIMAL, 1, 1, 2);
    h.network().roundTrip(LEADER, follower(1), ms(10)).roundTrip(LEADER, follower(2), ms(10));
    long id = h.write(0, "k", "v");

    h.runUntilIdle();

    // follower-2 refuses at 10 ms, the leader hears it at 20 ms and counts on follower-1 instead
    assertEquals(ms(20), h.answer(id).latency());
    assertEquals(false, h.answer(id).outcome().fallback());
  }
}
