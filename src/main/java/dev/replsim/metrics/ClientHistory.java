package dev.replsim.metrics;

import dev.replsim.check.Operation;
import dev.replsim.check.Operation.Kind;
import dev.replsim.check.Operation.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * One client's operations as it saw them: what it invoked, when, and how each ended. Only the
 * client's own thread records, so recording is an append to a list; the driver reads the list once
 * the client has {@linkplain #close closed} it, at the end of the run (see {@link HistoryRecorder}).
 */
public final class ClientHistory {

  /** An operation as recorded, before the run's history numbers them. */
  record Recorded(Kind kind, String key, String value, long invokeMicros, long completeMicros, Outcome outcome,
      String node, long lsn) {}

  /**
   * Room for each term's LSNs in a run-wide position: a leader restarted in a new term starts its
   * log again at LSN 1, so positions of term t are offset by (t - 1) times this. A term-1 LSN is
   * its own run-wide LSN; LSN 42 of term 2 is 1,000,000,000,042.
   */
  public static final long LSNS_PER_TERM = 1_000_000_000_000L;

  private final String client;
  private final StaleReadMeter staleReads;
  private final List<Recorded> operations = new ArrayList<>();
  private volatile boolean closed;

  ClientHistory(String client, StaleReadMeter staleReads) {
    this.client = client;
    this.staleReads = staleReads;
  }

  /**
   * The position of LSN {@code lsn} of term {@code term} in one order over the whole run: later
   * terms come after earlier ones, whatever their LSNs. 0 (unknown) for LSN 0 or an unknown term.
   */
  public static long runWideLsn(long term, long lsn) {
    if (lsn <= 0 || term <= 0) {
      return 0;
    }
    return (term - 1) * LSNS_PER_TERM + lsn;
  }

  public String client() {
    return client;
  }

  /**
   * A write that ended: OK with the term and LSN it was committed at, UNKNOWN (timed out, or its
   * leader crashed while it waited: it may have taken effect) or FAILED (never sent: no leader).
   */
  public void write(String key, String value, long invokeMicros, long completeMicros, Outcome outcome, String node,
      long term, long lsn) {
    add(new Recorded(Kind.WRITE, key, value, invokeMicros, completeMicros, outcome, node, runWideLsn(term, lsn)));
    if (outcome == Outcome.OK && !closed) {
      staleReads.acknowledged(key, value, runWideLsn(term, lsn), completeMicros);
    }
  }

  /** A read that ended: OK with the value (null: absent) and the state it came from, or not answered. */
  public void read(String key, String value, long invokeMicros, long completeMicros, Outcome outcome, String node,
      long term, long lsn) {
    add(new Recorded(Kind.READ, key, outcome == Outcome.OK ? value : null, invokeMicros, completeMicros, outcome,
        node, runWideLsn(term, lsn)));
    if (outcome == Outcome.OK && !closed) {
      staleReads.read(key, value, invokeMicros);
    }
  }

  private void add(Recorded op) {
    if (!closed) {
      operations.add(op);
    }
  }

  /** Stops recording: what the client hears from now on comes after the run's end. */
  public void close() {
    closed = true;
  }

  boolean closed() {
    return closed;
  }

  /** The operations recorded; read only after {@link #close}. */
  List<Recorded> operations() {
    return operations;
  }
}
