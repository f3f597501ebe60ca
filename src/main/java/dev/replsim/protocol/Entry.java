package dev.replsim.protocol;

import dev.replsim.storage.Change;
import dev.replsim.storage.SizeModel;

/**
 * One log entry: the unit the leader appends, ships and followers apply.
 *
 * @param term the leader's term (epoch) when it appended the entry
 * @param lsn its log sequence number; consecutive from 1
 * @param change what it changes, in the replication method's form
 * @param appendedAtMicros when the leader appended it, on the leader's own clock
 */
public record Entry(long term, long lsn, Change change, long appendedAtMicros) {

  /** Bytes on the wire: the entry's framing plus its change. */
  public int sizeBytes() {
    return SizeModel.ENTRY_HEADER_BYTES + change.sizeBytes();
  }
}
