package dev.replsim.protocol;

import dev.replsim.storage.Database;
import dev.replsim.storage.DatabaseImage;
import java.util.List;

/**
 * What a node's durable journal held when it restarted: its last snapshot (the database as of
 * {@code snapshotLsn}, null before the first, and the term history then), the entries written
 * after it, and its hard state (the term it last knew and its vote in it). A restarted node
 * replays the entries over the snapshot, as a database replays its WAL from the last checkpoint.
 *
 * @param entries consecutive entries from {@code snapshotLsn + 1}
 */
public record Recovery(long snapshotLsn, DatabaseImage image, List<Long> history, List<Entry> entries, long term,
    String votedFor) {

  public Recovery {
    history = List.copyOf(history);
    entries = List.copyOf(entries);
  }

  /** Nothing durable: a node's first start, or one whose disk was lost. */
  public static Recovery empty() {
    return new Recovery(0, null, List.of(), List.of(), 0, null);
  }

  /** The last LSN the journal holds. */
  public long lastLsn() {
    return snapshotLsn + entries.size();
  }

  /**
   * Rebuilds the node's state over {@code database} (fresh, of the node's kind): the snapshot's
   * rows, then every entry applied in order. Everything recovered is durable and applied.
   */
  HandOver replay(Database database) {
    if (image != null) {
      database.restore(image);
    }
    TermHistory terms = TermHistory.of(history);
    ReplicationLog log = ReplicationLog.after(snapshotLsn);
    for (Entry e : entries) {
      log.append(e);
      terms.appended(e.term(), e.lsn());
      database.apply(e.change(), e.appendedAtMicros());
    }
    return new HandOver(log, database, terms, log.lastLsn(), log.lastLsn());
  }
}
