package dev.replsim.metrics;

import static dev.replsim.metrics.RunEvent.details;

import java.util.ArrayList;
import java.util.List;

/**
 * Every node that came (back) into the cluster during a run: how long it took to rebuild its
 * state from its journal, how many entries it replayed, how many snapshot bytes its leader sent it,
 * and how long until it had caught up, that is, until it applied an entry less than
 * {@link #LAG_THRESHOLD_MICROS} after the leader appended it, or applied the leader's last entry.
 */
final class RecoveryLog {

  /** A node counts as caught up once its apply lag is back under this. */
  static final long LAG_THRESHOLD_MICROS = 100_000;

  private static final class Open {
    final String node;
    final String kind;
    final long atMicros;
    final String journal;
    final boolean wiped;
    final double recoverMs;
    final long replayed;
    final long recoveredLsn;
    long snapshotBytes;
    long caughtUpAt = -1;

    Open(String node, String kind, long atMicros, String journal, boolean wiped, double recoverMs, long replayed,
        long recoveredLsn) {
      this.node = node;
      this.kind = kind;
      this.atMicros = atMicros;
      this.journal = journal;
      this.wiped = wiped;
      this.recoverMs = recoverMs;
      this.replayed = replayed;
      this.recoveredLsn = recoveredLsn;
    }
  }

  private final List<Open> all = new ArrayList<>();

  synchronized void started(String node, String kind, long atMicros, String journal, boolean wiped, double recoverMs,
      long replayed, long recoveredLsn, Recorder recorder) {
    all.add(new Open(node, kind, atMicros, journal, wiped, recoverMs, replayed, recoveredLsn));
    recorder.event(atMicros, "recovered", node, details("kind", kind, "journal", journal, "wiped", wiped,
        "recoverMs", recoverMs, "entriesReplayed", replayed, "recoveredLsn", recoveredLsn));
  }

  synchronized void snapshotSent(String follower, long bytes) {
    Open o = latest(follower);
    if (o != null && o.caughtUpAt < 0) {
      o.snapshotBytes += bytes;
    }
  }

  /** The node applied an entry {@code lagMicros} after the leader appended it. */
  void applied(String node, long lagMicros, long atMicros, Recorder recorder) {
    if (lagMicros >= LAG_THRESHOLD_MICROS) {
      return;
    }
    synchronized (this) {
      Open o = latest(node);
      if (o == null || o.caughtUpAt >= 0) {
        return;
      }
      o.caughtUpAt = atMicros;
      recorder.event(atMicros, "caught-up", node, details("kind", o.kind,
          "catchUpMs", (atMicros - o.atMicros) / 1000.0, "snapshotBytes", o.snapshotBytes));
    }
  }

  private Open latest(String node) {
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).node.equals(node)) {
        return all.get(i);
      }
    }
    return null;
  }

  synchronized List<Summary.Recovery> summary(long writeStartMicros) {
    List<Summary.Recovery> out = new ArrayList<>();
    for (Open o : all) {
      out.add(new Summary.Recovery(o.node, o.kind, round((o.atMicros - writeStartMicros) / 1000.0), o.journal,
          o.wiped, round(o.recoverMs), o.replayed, o.recoveredLsn, o.snapshotBytes, LAG_THRESHOLD_MICROS / 1000.0,
          o.caughtUpAt < 0 ? null : round((o.caughtUpAt - o.atMicros) / 1000.0)));
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
