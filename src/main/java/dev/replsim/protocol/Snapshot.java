package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;
import java.util.Map;

/**
 * Sent by the leader to a follower that needs entries the leader no longer holds (a follower that
 * restarted empty, or fell too far behind): the leader's whole database as of {@code lsn}. The
 * follower replaces its state with it and continues from {@code lsn + 1}, as a replica set up from
 * a base backup does.
 *
 * @param rows every key and its value at {@code lsn}
 */
public record Snapshot(long term, String from, long lsn, Map<String, String> rows) implements Message {

  public Snapshot {
    rows = Map.copyOf(rows);
  }

  @Override
  public int sizeBytes() {
    int bytes = SizeModel.MESSAGE_HEADER_BYTES + 8;
    for (Map.Entry<String, String> row : rows.entrySet()) {
      bytes += SizeModel.rowImageBytes(row.getKey(), row.getValue().length());
    }
    return bytes;
  }
}
