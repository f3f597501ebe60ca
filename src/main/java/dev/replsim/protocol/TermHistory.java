package dev.replsim.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Which term wrote which stretch of the log, as PostgreSQL's timeline history files record it:
 * each term with the first LSN it appended. Entries carry their terms, but a node drops old entries
 * from memory; the history stays, small, so that any two nodes can still tell where their logs part:
 * logs that agree on the term of an LSN agree on everything up to it.
 */
public final class TermHistory {

  private record Start(long term, long firstLsn) {}

  private final List<Start> starts = new ArrayList<>();

  /** Notes that {@code term} wrote {@code lsn}; a term's first entry starts its stretch. */
  public void appended(long term, long lsn) {
    if (starts.isEmpty() || starts.get(starts.size() - 1).term() != term) {
      starts.add(new Start(term, lsn));
    }
  }

  /** Forgets every stretch from {@code lsn} on: the log was cut back to {@code lsn - 1}. */
  public void truncateFrom(long lsn) {
    starts.removeIf(s -> s.firstLsn() >= lsn);
  }

  /** Forgets everything: the log was replaced (a snapshot, a reset). */
  public void clear() {
    starts.clear();
  }

  /**
   * The term that wrote {@code lsn} in a log whose last LSN is {@code lastLsn}; 0 for LSN 0 or an
   * LSN beyond the log.
   */
  public long termAt(long lsn, long lastLsn) {
    if (lsn < 1 || lsn > lastLsn) {
      return 0;
    }
    long term = 0;
    for (Start s : starts) {
      if (s.firstLsn() > lsn) {
        break;
      }
      term = s.term();
    }
    return term;
  }

  /**
   * The last LSN at which this log (whose last LSN is {@code lastLsn}) and another agree: the
   * highest LSN both wrote in the same term. One leader per term means the same term at the same
   * LSN is the same entry, and everything before it the same too.
   */
  public long matchingLsn(TermHistory other, long otherLastLsn, long lastLsn) {
    long match = 0;
    for (int i = 0; i < other.starts.size(); i++) {
      Start s = other.starts.get(i);
      long otherEnd = i + 1 < other.starts.size() ? other.starts.get(i + 1).firstLsn() - 1 : otherLastLsn;
      for (int j = 0; j < starts.size(); j++) {
        Start mine = starts.get(j);
        if (mine.term() == s.term()) {
          long myEnd = j + 1 < starts.size() ? starts.get(j + 1).firstLsn() - 1 : lastLsn;
          long from = Math.max(s.firstLsn(), mine.firstLsn());
          long to = Math.min(otherEnd, myEnd);
          if (to >= from) {
            match = Math.max(match, to);
          }
        }
      }
    }
    return match;
  }

  /** The history as alternating terms and first LSNs, for a message or a snapshot to carry. */
  public List<Long> export() {
    List<Long> out = new ArrayList<>();
    starts.forEach(s -> {
      out.add(s.term());
      out.add(s.firstLsn());
    });
    return out;
  }

  /** A history from an exported one. */
  public static TermHistory of(List<Long> exported) {
    TermHistory history = new TermHistory();
    for (int i = 0; i + 1 < exported.size(); i += 2) {
      history.starts.add(new Start(exported.get(i), exported.get(i + 1)));
    }
    return history;
  }

  /** The term of the last stretch, 0 when empty. */
  public long lastTerm() {
    return starts.isEmpty() ? 0 : starts.get(starts.size() - 1).term();
  }

  @Override
  public String toString() {
    return starts.toString();
  }
}
