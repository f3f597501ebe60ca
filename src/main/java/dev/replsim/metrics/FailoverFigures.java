package dev.replsim.metrics;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.protocol.ElectionSettings;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.protocol.TermHistory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The failover figures of {@code summary.json}, from what the {@link FailoverLog} saw and the
 * final leader's log: every acknowledged write is looked for in that log, and those it lacks are
 * the lost writes, each failover charged with the ones of the terms it ended. The lost writes are
 * also listed in {@code events.jsonl}, as ranges of LSNs per term.
 */
final class FailoverFigures {

  /** The failovers, the run-wide figures, and how many acknowledged writes were lost. */
  record Figures(List<Summary.Failover> failovers, Summary.FailoverStats stats, long lostWrites) {}

  private FailoverFigures() {}

  /**
   * @param finalLog the log lost writes are looked for in: the final leader's, or the most up to
   *     date running node's if the leader is down; null if no node runs
   */
  static Figures of(Recorder recorder, ElectionSettings election, NodeStatus finalLog, long nowMicros) {
    List<AcknowledgedWrites.LostRange> lost = finalLog == null ? List.of()
        : recorder.acknowledgedWrites().lostFrom(TermHistory.of(history(finalLog)), finalLog.lastLsn());
    for (AcknowledgedWrites.LostRange r : lost) {
      recorder.event(nowMicros, "lost-writes", null, details("term", r.term(), "fromLsn", r.fromLsn(),
          "toLsn", r.toLsn(), "count", r.count(), "finalLog", finalLog.name()));
    }
    FailoverLog log = recorder.failovers();
    List<Summary.Failover> failovers = new ArrayList<>();
    int needless = 0;
    for (FailoverLog.Change c : log.changes()) {
      long lostHere = lost.stream().filter(r -> r.term() >= c.previousTerm && r.term() < c.term)
          .mapToLong(AcknowledgedWrites.LostRange::count).sum();
      needless += c.needless() ? 1 : 0;
      failovers.add(new Summary.Failover(recorder.toOutputMs(c.atMicros), c.oldLeader, c.newLeader, c.term,
          c.faultAtMicros < 0 || c.cause.equals("switchover") ? null : ms(c.suspectedAtMicros - c.faultAtMicros),
          c.firstAckAfterMicros < 0 || c.lastAckBeforeMicros < 0 ? null
              : ms(c.firstAckAfterMicros - c.lastAckBeforeMicros),
          lostHere, c.cause, c.faultAtMicros < 0 ? null : recorder.toOutputMs(c.faultAtMicros),
          ms(c.atMicros - c.suspectedAtMicros), c.needless(),
          c.faultAtMicros < 0 || c.cause.equals("switchover") ? null : (c.atMicros - c.faultAtMicros) / 1000.0));
    }
    Summary.FailoverStats stats = new Summary.FailoverStats(SummaryBuilder.kebab(election.strategy()),
        election.fencing(), failovers.size(), needless, log.conflictingWrites(), log.maxLeaders(),
        ms(log.multipleLeadersMicros(nowMicros)));
    return new Figures(failovers, stats, AcknowledgedWrites.count(lost));
  }

  /**
   * The log lost writes are looked for in: the leader's if it runs, else the running node with
   * the most up-to-date log (latest last term, then longest).
   */
  static NodeStatus finalLog(Collection<NodeStatus> running, String leader) {
    NodeStatus best = null;
    for (NodeStatus s : running) {
      if (s.name().equals(leader)) {
        return s;
      }
      if (best == null || s.termAt(s.lastLsn()) > best.termAt(best.lastLsn())
          || (s.termAt(s.lastLsn()) == best.termAt(best.lastLsn()) && s.lastLsn() > best.lastLsn())) {
        best = s;
      }
    }
    return best;
  }

  /** A node's history; one without (a single term, from before histories existed) is all term-1. */
  private static List<Long> history(NodeStatus s) {
    return s.history().isEmpty() && s.lastLsn() > 0 ? List.of(1L, 1L) : s.history();
  }

  private static double ms(long micros) {
    return Math.round(micros / 100.0) / 10.0;
  }
}
