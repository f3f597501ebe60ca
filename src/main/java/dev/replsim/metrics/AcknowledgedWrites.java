package dev.replsim.metrics;

import dev.replsim.protocol.TermHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every write a client heard committed, as the (term, LSN) of its entry, kept compactly as ranges
 * (a client hears its writes committed in LSN order, so ranges stay few). At the end of a run it
 * tells exactly which acknowledged writes the final leader's log does not hold: those are the
 * lost writes, found by comparison, not by estimate.
 */
final class AcknowledgedWrites {

  /** Per term, LSN ranges as start -> end (inclusive), merged when they touch. */
  private final Map<Long, TreeMap<Long, Long>> byTerm = new TreeMap<>();

  synchronized void add(long term, long lsn) {
    TreeMap<Long, Long> ranges = byTerm.computeIfAbsent(term, t -> new TreeMap<>());
    Map.Entry<Long, Long> below = ranges.floorEntry(lsn);
    if (below != null && below.getValue() >= lsn) {
      return; // already there
    }
    long start = lsn;
    long end = lsn;
    if (below != null && below.getValue() == lsn - 1) {
      start = below.getKey();
      ranges.remove(below.getKey());
    }
    Long next = ranges.get(lsn + 1);
    if (next != null) {
      end = next;
      ranges.remove(lsn + 1);
    }
    ranges.put(start, end);
  }

  /** A stretch of lost writes: acknowledged in {@code term} at LSNs {@code fromLsn..toLsn}. */
  record LostRange(long term, long fromLsn, long toLsn) {
    long count() {
      return toLsn - fromLsn + 1;
    }
  }

  /**
   * The acknowledged writes a final log does not hold, as ranges: an entry is there when the log
   * reaches its LSN and holds that LSN from the same term.
   *
   * @param history the final leader's term history
   * @param lastLsn the final leader's last LSN
   */
  synchronized List<LostRange> lostFrom(TermHistory history, long lastLsn) {
    List<LostRange> lost = new ArrayList<>();
    for (Map.Entry<Long, TreeMap<Long, Long>> term : byTerm.entrySet()) {
      for (Map.Entry<Long, Long> range : term.getValue().entrySet()) {
        long from = -1;
        for (long lsn = range.getKey(); lsn <= range.getValue(); lsn++) {
          boolean gone = history.termAt(lsn, lastLsn) != term.getKey();
          if (gone && from < 0) {
            from = lsn;
          } else if (!gone && from >= 0) {
            lost.add(new LostRange(term.getKey(), from, lsn - 1));
            from = -1;
          }
        }
        if (from >= 0) {
          lost.add(new LostRange(term.getKey(), from, range.getValue()));
        }
      }
    }
    return lost;
  }

  /** How many writes the ranges hold. */
  static long count(List<LostRange> ranges) {
    return ranges.stream().mapToLong(LostRange::count).sum();
  }
}
