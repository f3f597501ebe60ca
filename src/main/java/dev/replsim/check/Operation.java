package dev.replsim.check;

import java.util.Locale;
import java.util.Objects;

/**
 * One operation a client performed, as recorded from outside the database: what it asked for, when
 * it invoked the operation, when the answer came back and what the answer was. This is the unit of
 * a {@link History}, as in Jepsen's and Knossos' histories; the checkers judge the database by these
 * records alone.
 *
 * <p>Writes and reads each touch one key. Every written value is unique per key (clients write
 * tags like {@code c1-42}), so a read's value names the write it saw; every key starts absent.
 *
 * @param id unique within the history
 * @param client the session that performed it (a client's operations form its session)
 * @param kind a write or a read
 * @param key the one key it touched
 * @param value a write: the value written (never null); a read: the value returned, null when the
 *     key was absent (or when the read did not complete OK)
 * @param invokeMicros when the client sent it, microseconds since the run started
 * @param completeMicros when the client heard the answer, or gave up on it ({@code >= invokeMicros})
 * @param outcome OK, FAILED (definitely had no effect) or UNKNOWN (timed out: a write may or may
 *     not have taken effect)
 * @param node the node that served it, or null when unknown
 * @param lsn a write: its position in the database's one log (the LSN it was committed at), 0 if
 *     unknown; a read: the applied LSN of the state that served it, 0 if unknown. Positions must
 *     increase across the whole run (a driver whose LSNs restart in a new term must make them
 *     run-wide). Checkers order a key's versions by their writes' positions; they never trust a
 *     read's {@code lsn}, which is kept for diagnosis.
 */
public record Operation(
    long id,
    String client,
    Kind kind,
    String key,
    String value,
    long invokeMicros,
    long completeMicros,
    Outcome outcome,
    String node,
    long lsn) {

  /** What an operation does to its key. */
  public enum Kind {
    /** Sets the key to a new value. */
    WRITE,
    /** Returns the key's value. */
    READ
  }

  /** How an operation ended, as far as its client knows. */
  public enum Outcome {
    /** Acknowledged: it took effect between its invoke and its complete. */
    OK,
    /** Definitely not applied (refused, or the connection failed before it was sent). */
    FAILED,
    /** Timed out: it may have taken effect at any time after its invoke, or never. */
    UNKNOWN
  }

  public Operation {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(outcome, "outcome");
    if (kind == Kind.WRITE && value == null) {
      throw new IllegalArgumentException("operation " + id + ": a write needs a value");
    }
    if (completeMicros < invokeMicros) {
      throw new IllegalArgumentException("operation " + id + ": completes at " + completeMicros
          + " µs, before its invoke at " + invokeMicros + " µs");
    }
    if (lsn < 0) {
      throw new IllegalArgumentException("operation " + id + ": negative LSN " + lsn);
    }
  }

  public boolean isWrite() {
    return kind == Kind.WRITE;
  }

  public boolean isRead() {
    return kind == Kind.READ;
  }

  /** Acknowledged: the operation took effect (a read returned {@link #value}). */
  public boolean ok() {
    return outcome == Outcome.OK;
  }

  /** A write with a known position in the log, which its key's {@link Versions} can order. */
  public boolean placed() {
    return isWrite() && lsn > 0;
  }

  /**
   * One readable line: client, kind, key and value, invoke..complete in ms, outcome; e.g.
   * {@code c1  write x = c1-1      0.000..10.000 ms  OK}.
   */
  @Override
  public String toString() {
    String shown = value == null ? "(absent)" : value;
    return String.format(Locale.ROOT, "%-4s %-5s %s = %-10s %9.3f..%.3f ms  %s%s",
        client, kind.name().toLowerCase(Locale.ROOT), key, shown, invokeMicros / 1000.0,
        completeMicros / 1000.0, outcome, node == null ? "" : "  on " + node);
  }
}
