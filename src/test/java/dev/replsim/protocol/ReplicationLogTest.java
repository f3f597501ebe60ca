package dev.replsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.storage.RowChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationLogTest {

  private static Entry entry(long lsn) {
    return Entry.of(1, lsn, new RowChange("k" + lsn, "v" + lsn, 8), lsn * 10);
  }

  private static void appendUpTo(ReplicationLog log, long lastLsn) {
    for (long lsn = log.lastLsn() + 1; lsn <= lastLsn; lsn++) {
      log.append(entry(lsn));
    }
  }

  /** Every held LSN maps to its own entry, and nothing outside the bounds is held. */
  private static void assertHolds(ReplicationLog log, long first, long last) {
    assertEquals(first, log.firstLsn());
    assertEquals(last, log.lastLsn());
    assertEquals(last - first + 1, log.size());
    for (long lsn = first; lsn <= last; lsn++) {
      assertEquals(lsn, log.get(lsn).lsn());
    }
    assertThrows(IndexOutOfBoundsException.class, () -> log.get(first - 1));
    assertThrows(IndexOutOfBoundsException.class, () -> log.get(last + 1));
  }

  @Test
  void anEmptyLogStartsBeforeLsnOne() {
    ReplicationLog log = new ReplicationLog();
    assertEquals(0, log.lastLsn());
    assertEquals(1, log.firstLsn());
    assertEquals(0, log.size());
    assertEquals(List.of(), log.slice(1, 10));
  }

  @Test
  void appendAcceptsOnlyTheNextLsn() {
    ReplicationLog log = new ReplicationLog();
    log.append(entry(1));
    assertThrows(IllegalArgumentException.class, () -> log.append(entry(3)));
    assertThrows(IllegalArgumentException.class, () -> log.append(entry(1)));
    assertHolds(log, 1, 1);
  }

  @Test
  void sliceReturnsUpToMaxConsecutiveEntriesAndStopsAtTheEnd() {
    ReplicationLog log = new ReplicationLog();
    appendUpTo(log, 10);
    assertEquals(List.of(entry(3), entry(4), entry(5)), log.slice(3, 3));
    assertEquals(List.of(entry(9), entry(10)), log.slice(9, 5));
    assertEquals(List.of(), log.slice(11, 5));
  }

  @Test
  void truncatePrefixDropsHeldEntriesAndKeepsTheLsnSequence() {
    ReplicationLog log = new ReplicationLog();
    appendUpTo(log, 10);
    log.truncatePrefix(4);
    assertHolds(log, 5, 10);
    log.truncatePrefix(2); // already dropped: nothing happens
    assertHolds(log, 5, 10);
    log.truncatePrefix(99); // beyond the end: drops everything, the next LSN stays 11
    assertEquals(0, log.size());
    assertEquals(11, log.firstLsn());
    assertEquals(10, log.lastLsn());
    log.append(entry(11));
    assertHolds(log, 11, 11);
  }

  @Test
  void theRingWrapsAroundAndGrowsWithoutLosingOrder() {
    ReplicationLog log = new ReplicationLog();
    appendUpTo(log, 1000);
    log.truncatePrefix(900); // the head is now near the end of the initial 1024 slots
    appendUpTo(log, 1900); // wraps around the ring, then fills it
    assertHolds(log, 901, 1900);
    appendUpTo(log, 5000); // grows twice while wrapped
    assertHolds(log, 901, 5000);
    log.truncatePrefix(4990);
    appendUpTo(log, 6000);
    assertHolds(log, 4991, 6000);
    assertEquals(List.of(entry(5999), entry(6000)), log.slice(5999, 100));
  }

  @Test
  void aLongRunKeepsOnlyTheUntruncatedTail() {
    ReplicationLog log = new ReplicationLog();
    for (long lsn = 1; lsn <= 100_000; lsn++) {
      log.append(entry(lsn));
      log.truncatePrefix(lsn - 50);
    }
    assertHolds(log, 99_951, 100_000);
    assertTrue(log.size() <= 50);
  }
}
