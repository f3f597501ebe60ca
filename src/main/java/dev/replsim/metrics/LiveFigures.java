package dev.replsim.metrics;

import dev.replsim.protocol.NodeStatus;
import dev.replsim.protocol.TermHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * What a running simulation has measured so far, for the classroom dashboard: each follower's
 * apply lag now, the writes acknowledged, failed and lost so far, and the events recorded since a
 * given count. Read on the thread that records (the virtual driver's one thread), a few times a
 * second of wall time.
 */
public final class LiveFigures {

  /**
   * A follower's lag now, in time and in entries it lacks. In time: how long the last entry it
   * applied took from the leader's append to its apply, or, once its oldest unapplied entry has
   * waited longer (a follower stalled or falling behind), that wait. A follower keeping up on a
   * 40 ms link shows 40 ms, as {@code summary.json}'s apply lag does; one cut off shows its lag
   * growing with the clock.
   */
  public record FollowerLag(String node, double applyLagMs, long entriesBehind) {}

  private LiveFigures() {}

  /** The lag of every node following now (see {@link FollowerLag}). */
  public static List<FollowerLag> lags(Recorder recorder, long nowMicros) {
    long last = recorder.leaderLastLsn();
    List<FollowerLag> lags = new ArrayList<>();
    for (FollowerTrack f : recorder.followers()) {
      long applied = f.appliedLsn;
      double ms = f.lastApplyLagMicros / 1000.0;
      if (applied < last) {
        long appendedAt = recorder.appendedAt(applied + 1);
        ms = Math.max(ms, appendedAt < 0 ? 0 : Math.max(0, nowMicros - appendedAt) / 1000.0);
      }
      lags.add(new FollowerLag(f.name, Math.round(ms * 10) / 10.0, Math.max(0, last - applied)));
    }
    return lags;
  }

  public static long acknowledged(Recorder recorder) {
    return recorder.acknowledged();
  }

  /** Writes whose clients gave up on them so far (timed out, or their leader went down). */
  public static long failed(Recorder recorder) {
    return recorder.timedOut();
  }

  /**
   * The acknowledged writes that {@code log} (the current leader's) lacks: what the summary will
   * count as lost if this node stays the leader. Counted exactly, as at the end of a run.
   */
  public static long lostAgainst(Recorder recorder, NodeStatus log) {
    List<Long> history = log.history().isEmpty() && log.lastLsn() > 0 ? List.of(1L, 1L) : log.history();
    return AcknowledgedWrites.count(recorder.acknowledgedWrites().lostFrom(TermHistory.of(history), log.lastLsn()));
  }

  /** The events recorded after the first {@code seen}, in the order recorded. */
  public static List<RunEvent> eventsSince(Recorder recorder, int seen) {
    return recorder.eventsInOrderRecorded().stream().skip(seen).toList();
  }
}
