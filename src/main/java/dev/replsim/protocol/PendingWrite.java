package dev.replsim.protocol;

import dev.replsim.storage.BeforeImages;
import dev.replsim.storage.Row;
import java.util.HashMap;
import java.util.Map;

/**
 * A write the leader has executed but not yet answered, and the rows it changed as they were
 * before it: as long as the write is not visible (see {@link WaitPoint}), a read on the leader
 * sees those. It hears the before images while the write is captured.
 */
final class PendingWrite implements BeforeImages {

  final Write write;
  final long lsn;
  /** When the leader appended it: a semi-sync timeout counts from here, whichever rule is in force. */
  final long appendedAt;
  /** Until when it may wait for acks before it commits as a fallback; moved by a new commit rule. */
  long deadline;
  boolean timedOut;
  /** The first row changed, and the row before (null if there was none): most writes change one. */
  private String key;
  private Row before;
  /** Every row changed, for a write that changed several. */
  private Map<String, Row> befores;

  PendingWrite(Write write, long lsn, long appendedAt, long deadline) {
    this.write = write;
    this.lsn = lsn;
    this.appendedAt = appendedAt;
    this.deadline = deadline;
  }

  @Override
  public void before(String k, Row row) {
    if (key == null) {
      key = k;
      before = row;
      return;
    }
    if (befores == null) {
      befores = new HashMap<>();
      befores.put(key, before);
    }
    befores.putIfAbsent(k, row);
  }

  boolean touches(String k) {
    return befores != null ? befores.containsKey(k) : k.equals(key);
  }

  /** The row before this write, for a key it {@link #touches}. */
  Row before(String k) {
    return befores != null ? befores.get(k) : before;
  }
}
