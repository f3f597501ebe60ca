package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;
import java.util.List;

/**
 * Sent by the leader to ship consecutive entries to one follower. A follower appends them only
 * if the first one directly follows its last received entry; otherwise it has found a gap.
 *
 * @param entries consecutive entries, never empty
 */
public record AppendEntries(long term, String from, List<Entry> entries) implements Message {

  public AppendEntries {
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("AppendEntries needs at least one entry");
    }
  }

  public long firstLsn() {
    return entries.get(0).lsn();
  }

  public long lastLsn() {
    return entries.get(entries.size() - 1).lsn();
  }

  @Override
  public int sizeBytes() {
    int bytes = SizeModel.MESSAGE_HEADER_BYTES;
    for (Entry e : entries) {
      bytes += e.sizeBytes();
    }
    return bytes;
  }
}
