package dev.replsim.node;

import dev.replsim.protocol.Entry;
import dev.replsim.storage.DatabaseImage;
import java.util.List;

/**
 * What a node's {@link Journal} persists: exactly what the protocol core decided to make durable.
 * Written with Jackson CBOR (entries and images as they travel on the wire, see {@link WireModule}).
 */
public sealed interface JournalEvent extends CborSerializable {

  /** Entries appended to the node's log, consecutive and following its last LSN. */
  record EntriesAppended(List<Entry> entries) implements JournalEvent {}

  /** The log was cut back to {@code lsn}: the entries after it were a deposed leader's. */
  record LogRewound(long lsn) implements JournalEvent {}

  /**
   * The node's applied state as of {@code lsn}. With {@code replacesLog} the state was replaced
   * (a snapshot from the leader installed, or the node started over empty) and every entry held
   * goes; otherwise only the entries up to {@code lsn} do, the later ones stay to be replayed.
   *
   * @param image the database at {@code lsn}
   * @param history the term history then, as the core exports it
   */
  record SnapshotTaken(long lsn, DatabaseImage image, List<Long> history, boolean replacesLog)
      implements JournalEvent {}

  /** The node voted for {@code candidate} in {@code term} (Raft's hard state). */
  record VoteCast(long term, String candidate) implements JournalEvent {}
}
