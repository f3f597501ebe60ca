package dev.replsim.metrics;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.protocol.Observation;

/**
 * What the recorder makes of the observations about roles and logs changing hands: elections,
 * new leaders, leaders stepping down, followers cutting their logs back. Each becomes a line of
 * {@code events.jsonl}, and the ones that change who leads go to the {@link FailoverLog}.
 */
final class RoleEvents {

  private RoleEvents() {}

  /** Handles {@code o} if it is about roles; false if it is not. */
  static boolean observe(Recorder recorder, FailoverLog failovers, String node, FollowerTrack track, Observation o,
      long at) {
    if (o instanceof Observation.LeaderSuspected) {
      Observation.LeaderSuspected s = (Observation.LeaderSuspected) o;
      failovers.suspected(at);
      recorder.event(at, "leader-suspected", node, details("leader", s.leader(), "term", s.term()));
    } else if (o instanceof Observation.ElectionStarted) {
      Observation.ElectionStarted e = (Observation.ElectionStarted) o;
      recorder.event(at, "election-started", node,
          details("term", e.term(), "lastLsn", e.lastLsn(), "switchover", e.transfer()));
    } else if (o instanceof Observation.BecameLeader) {
      Observation.BecameLeader b = (Observation.BecameLeader) o;
      recorder.newLeader(node, b.lastLsn());
      FailoverLog.Change c = failovers.becameLeader(node, b.term(), at);
      recorder.event(at, "role", node, details("role", "leader", "term", b.term(), "votes", b.votes(),
          "lastLsn", b.lastLsn(), "previousLeader", c.oldLeader, "cause", c.cause));
    } else if (o instanceof Observation.SteppedDown) {
      Observation.SteppedDown s = (Observation.SteppedDown) o;
      failovers.leaderGone(node, at);
      recorder.event(at, "role", node, details("role", "follower", "term", s.newTerm(), "fromTerm", s.term(),
          "pendingWrites", s.pending()));
    } else if (o instanceof Observation.LeaseExpired) {
      recorder.event(at, "lease-expired", node, details("term", ((Observation.LeaseExpired) o).term()));
    } else if (o instanceof Observation.SwitchoverStarted) {
      Observation.SwitchoverStarted s = (Observation.SwitchoverStarted) o;
      failovers.switchoverStarted(at);
      recorder.event(at, "switchover-started", node, details("target", s.target(), "term", s.term()));
    } else if (o instanceof Observation.Following && track != null) {
      Observation.Following f = (Observation.Following) o;
      track.term = f.term();
      recorder.event(at, "following", node, details("leader", f.leader(), "term", f.term()));
    } else if (o instanceof Observation.Rewound && track != null) {
      rewound(recorder, node, track, (Observation.Rewound) o, at);
    } else {
      return o instanceof Observation.Voted;
    }
    return true;
  }

  /** A follower cut its log back to where it agrees with its new leader's, or started over. */
  private static void rewound(Recorder recorder, String node, FollowerTrack track, Observation.Rewound r, long at) {
    long keep = r.startedOver() ? 0 : r.matchLsn();
    track.receivedLsn = Math.min(track.receivedLsn, keep);
    track.durableLsn = Math.min(track.durableLsn, keep);
    track.appliedLsn = Math.min(track.appliedLsn, keep);
    recorder.event(at, "log-rewound", node, details("matchLsn", r.matchLsn(), "discardedFromLsn", r.fromLsn(),
        "discardedToLsn", r.toLsn(), "discarded", r.toLsn() - r.fromLsn() + 1, "startedOver", r.startedOver()));
  }
}
