package dev.replsim.protocol;

/**
 * A point in the history of the replicated log: LSN {@code lsn} of term {@code term}. A state at
 * one position is at least as new as another when its term is newer, or its term is the same and
 * its LSN is not lower: a node that follows a newer term has left the older term's log behind
 * (today a restarted leader starts its log again at LSN 1 in a new term, and its followers discard
 * the old one). Sessions carry positions to ask nodes for a state at least this new.
 *
 * @param term the term of the leader whose log the position is in; 0 only in {@link #ORIGIN}
 * @param lsn the LSN in that log; 0 for none
 */
public record LogPosition(long term, long lsn) implements Comparable<LogPosition> {

  /** Before every log: every state is at least this new. */
  public static final LogPosition ORIGIN = new LogPosition(0, 0);

  public LogPosition {
    if (term < 0 || lsn < 0) {
      throw new IllegalArgumentException("a log position needs term >= 0 and lsn >= 0, got " + term + ", " + lsn);
    }
  }

  /** Whether a state at LSN {@code lsn} of term {@code term} is at least as new as this position. */
  public boolean reachedBy(long term, long lsn) {
    return term > this.term || (term == this.term && lsn >= this.lsn);
  }

  /** The newer of the two positions. */
  public LogPosition max(LogPosition other) {
    return compareTo(other) >= 0 ? this : other;
  }

  @Override
  public int compareTo(LogPosition other) {
    int byTerm = Long.compare(term, other.term);
    return byTerm != 0 ? byTerm : Long.compare(lsn, other.lsn);
  }

  @Override
  public String toString() {
    return "term " + term + " LSN " + lsn;
  }
}
