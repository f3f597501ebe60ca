package dev.replsim.protocol;

import dev.replsim.storage.Change;
import dev.replsim.storage.SizeModel;

/**
 * One log entry: the unit the leader appends, ships and followers apply.
 *
 * @param term the leader's term (epoch) when it appended the entry
 * @param lsn its log sequence number; consecutive from 1
 * @param change what it changes, in the replication method's form
 * @param sizeBytes its size on the wire: the entry's framing plus its change, computed once by
 *     the leader so that every message, byte counter and bandwidth model reads the same figure
 * @param appendedAtMicros when the leader appended it, on the leader's own clock
 */
public record Entry(long term, long lsn, Change change, int sizeBytes, long appendedAtMicros) {

  /** A new entry, sized by the {@link SizeModel}. */
  public static Entry of(long term, long lsn, Change change, long appendedAtMicros) {
    return new Entry(term, lsn, change, SizeModel.ENTRY_HEADER_BYTES + change.sizeBytes(), appendedAtMicros);
  }
}
