package dev.replsim.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What each replication method ships for a statement, and what a replica makes of it. */
class ChangeCaptureTest {

  private static final Statement SET = new Statement.Assign("k1", "c1-9", 64);
  private static final Statement NOW = new Statement.AssignCall("k2", Statement.Call.NOW);

  private static KeyValueStore store(long seed) {
    return new KeyValueStore(1, new SplittableRandom(seed)::nextLong);
  }

  @Test
  void statementReplicationShipsTheTextAndAReplicaExecutesItAgainWithItsOwnClock() {
    KeyValueStore leader = store(1);
    KeyValueStore replica = store(2);
    Change change = new StatementCapture(leader).capture(NOW, 1_000);
    assertEquals(new StatementChange("SET k2 = NOW()", SizeModel.STATEMENT_HEADER_BYTES + 14), change);

    replica.apply(change, 2_000);

    assertEquals("1000", leader.value("k2"));
    assertEquals("2000", replica.value("k2"));
  }

  @Test
  void rowReplicationShipsTheValueSoReplicasAgree() {
    KeyValueStore leader = store(1);
    KeyValueStore replica = store(2);
    RowCapture rows = new RowCapture(leader, RowImage.MINIMAL);
    for (Statement.Call call : Statement.Call.values()) {
      replica.apply(rows.capture(new Statement.AssignCall("k", call), 1_000), 2_000);
      assertEquals(leader.value("k"), replica.value("k"), call.name());
    }
    assertEquals(new RowChange("k1", "c1-9", 64), rows.capture(SET, 0));
  }

  @Test
  void fullRowImagesAlsoCarryTheOldValue() {
    KeyValueStore leader = store(1);
    RowCapture full = new RowCapture(leader, RowImage.FULL);
    assertEquals(new FullRowChange("k1", null, 0, "c1-9", 64), full.capture(SET, 0));
    assertEquals(new FullRowChange("k1", "c1-9", 64, "1", 8), full.capture(new Statement.Increment("k1", 1), 0));
    assertEquals(new RowDelete("k1", "1", 8), full.capture(new Statement.Delete("k1"), 0));
    RowCapture minimal = new RowCapture(store(1), RowImage.MINIMAL);
    minimal.capture(SET, 0);
    assertEquals(new RowDelete("k1", null, 0), minimal.capture(new Statement.Delete("k1"), 0));
    assertEquals(new RowChanges(List.of()), minimal.capture(new Statement.Delete("k1"), 0)); // no row
  }

  @Test
  void aMultiRowUpdateShipsOneShortStatementOrAnImagePerRow() {
    KeyValueStore leader = store(1);
    for (int i = 10; i < 20; i++) {
      leader.execute(new Statement.Assign("k" + i, "v", 64), 0);
    }
    Statement update = new Statement.UpdatePrefix("k1", "w", 64);
    Change rows = new RowCapture(leader, RowImage.MINIMAL).capture(update, 0);
    Change statement = new StatementCapture(leader).capture(update, 0);

    assertEquals(10, ((RowChanges) rows).rows().size());
    assertEquals(10 * SizeModel.rowImageBytes("k10", 64), rows.sizeBytes());
    assertTrue(statement.sizeBytes() < rows.sizeBytes() / 5, statement + " vs " + rows.sizeBytes());
  }

  @Test
  void mixedShipsDeterministicStatementsAsTextAndTheRestAsRows() {
    MixedCapture mixed = new MixedCapture(store(1), RowImage.MINIMAL);
    assertInstanceOf(StatementChange.class, mixed.capture(SET, 0));
    assertInstanceOf(StatementChange.class, mixed.capture(new Statement.Increment("k1", 1), 0));
    assertEquals(new RowChange("k2", "5", 8), mixed.capture(NOW, 5));
  }

  @Test
  void walLogsAPageWholeTheFirstTimeItChangesAfterACheckpointThenOnlyTheBytesThatChanged() {
    PageStore pages = new PageStore(1, 1, RandomSource.NONE);
    WalCapture wal = new WalCapture(pages, 1_000_000);

    WalRecord first = (WalRecord) wal.capture(SET, 0);
    WalRecord second = (WalRecord) wal.capture(new Statement.Assign("k1", "c1-10", 64), 10);
    WalRecord afterCheckpoint = (WalRecord) wal.capture(new Statement.Assign("k1", "c1-11", 64), 1_000_000);

    assertEquals(1, first.fullPageImages());
    assertEquals(0, second.fullPageImages());
    assertEquals(1, afterCheckpoint.fullPageImages());
    assertEquals(2, wal.checkpoints());
    PageWrite delta = second.writes().get(0);
    // "c1-9" became "c1-10": the value's length and the value are rewritten, nothing else
    assertEquals(6, delta.bytes().length, delta.toString());
    assertEquals(5, delta.replacedLength(), delta.toString());
    assertEquals(SizeModel.WAL_RECORD_HEADER_BYTES + SizeModel.WAL_BLOCK_HEADER_BYTES
        + SizeModel.TUPLE_HEADER_BYTES + 2 + 64, second.sizeBytes());
    assertEquals(SizeModel.WAL_RECORD_HEADER_BYTES + SizeModel.WAL_BLOCK_HEADER_BYTES
        + SizeModel.WAL_IMAGE_HEADER_BYTES + SizeModel.PAGE_HEADER_BYTES + SizeModel.LINE_POINTER_BYTES
        + SizeModel.TUPLE_HEADER_BYTES + 2 + 64, first.sizeBytes());
  }

  @Test
  void checkpointsKeepTheirRhythmWhateverTheWritesThatFindThemDue() {
    WalCapture wal = new WalCapture(new PageStore(1, 1, RandomSource.NONE), 1_000_000);

    wal.capture(SET, 0); // checkpoint 1; the next is due at 1 s
    wal.capture(SET, 1_500_000); // checkpoint 2, found due half a second late: the next is due at 2 s, not 2.5
    wal.capture(SET, 2_100_000);
    assertEquals(3, wal.checkpoints());

    wal.capture(SET, 5_200_000); // a quiet stretch: the checkpoints due at 3 and 4 s are skipped
    wal.capture(SET, 5_900_000);
    assertEquals(4, wal.checkpoints());
    wal.capture(SET, 6_000_000);
    assertEquals(5, wal.checkpoints());
  }

  @Test
  void aReplicaThatReplaysTheWalEndsByteIdenticalToTheLeader() {
    PageStore leader = new PageStore(2, 8, new SplittableRandom(1)::nextLong);
    PageStore replica = new PageStore(2, 8, new SplittableRandom(2)::nextLong);
    WalCapture wal = new WalCapture(leader, 50);
    SplittableRandom workload = new SplittableRandom(3);
    List<Statement.Call> calls = List.of(Statement.Call.values());
    for (int t = 0; t < 2_000; t++) {
      String key = "k" + workload.nextInt(100);
      Statement s = switch (workload.nextInt(5)) {
        case 0 -> new Statement.AssignCall(key, calls.get(workload.nextInt(3)));
        case 1 -> new Statement.Increment(key, workload.nextInt(10));
        case 2 -> new Statement.Delete(key);
        case 3 -> new Statement.UpdatePrefix("k" + workload.nextInt(10), "u" + t, 64);
        default -> new Statement.Assign(key, "v" + t, 64);
      };
      replica.apply(wal.capture(s, t), t);
    }

    for (int p = 0; p < leader.pageCount(); p++) {
      assertArrayEquals(leader.pageBytes(p), replica.pageBytes(p), "page " + p);
    }
    assertEquals(leader.physicalDigest(), replica.physicalDigest());
    assertEquals(leader.digest(), replica.digest());
    assertEquals(leader.size(), replica.size());
  }

  @Test
  void walOfAnotherPageFormatIsRefusedWhileRowImagesApplyAcrossVersions() {
    PageStore v1 = new PageStore(1, 1, RandomSource.NONE);
    PageStore v2 = new PageStore(2, 1, RandomSource.NONE);
    Change wal = new WalCapture(v1, 1_000).capture(SET, 0);

    assertEquals("WAL of page format version 1 cannot be replayed on page format version 2", v2.refusal(wal));
    assertNull(v1.refusal(wal));
    assertNull(v2.refusal(new RowChange("k1", "c1-9", 64)));
    v2.apply(new RowChange("k1", "c1-9", 64), 0);
    assertEquals(v1.digest(), v2.digest());
    assertNotEquals(v1.physicalDigest(), v2.physicalDigest()); // the same rows, other bytes
  }
}
