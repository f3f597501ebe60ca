package dev.replsim.protocol;

import dev.replsim.storage.Database;
import dev.replsim.storage.Row;
import dev.replsim.storage.Statement;
import java.util.Map;

/**
 * A write the leader has executed but not yet answered, and the rows as they were before it: as
 * long as the write is not visible (see {@link WaitPoint}), a read on the leader sees those.
 */
final class PendingWrite {

  final Write write;
  final long lsn;
  final long deadline;
  boolean timedOut;
  /** For a single-key statement: its key and the row before (null if there was none). */
  private final String key;
  private final Row before;
  /** For a statement that may write several rows: each of them before. */
  private final Map<String, Row> befores;

  /** Call before executing the write, while the database still holds the rows before it. */
  PendingWrite(Write write, long lsn, long deadline, Database database) {
    this.write = write;
    this.lsn = lsn;
    this.deadline = deadline;
    Statement statement = write.statement();
    this.key = statement.key();
    if (key != null) {
      this.before = database.get(key);
      this.befores = null;
    } else {
      this.before = null;
      this.befores = database.rowsWithPrefix(((Statement.UpdatePrefix) statement).prefix());
    }
  }

  boolean touches(String k) {
    return key != null ? key.equals(k) : befores.containsKey(k);
  }

  /** The row before this write, for a key it {@link #touches}. */
  Row before(String k) {
    return key != null ? before : befores.get(k);
  }
}
