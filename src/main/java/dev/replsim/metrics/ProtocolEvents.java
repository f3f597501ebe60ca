package dev.replsim.metrics;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.protocol.Observation;

/**
 * The protocol's observations that only become lines of {@code events.jsonl}: semi-sync
 * fallbacks, gaps and resends, snapshots sent, restarted followers noticed.
 */
final class ProtocolEvents {

  private ProtocolEvents() {}

  /** Writes {@code o} as an event if it is one of these; false if it is not. */
  static boolean observe(Recorder recorder, String node, Observation o, long at) {
    if (o instanceof Observation.Fallback) {
      Observation.Fallback fb = (Observation.Fallback) o;
      recorder.event(at, "semi-sync-fallback", node, details("lsn", fb.lsn(), "acked", fb.acked(), "needed", fb.needed()));
    } else if (o instanceof Observation.GapDetected) {
      Observation.GapDetected g = (Observation.GapDetected) o;
      recorder.event(at, "gap-detected", node, details("expectedLsn", g.expectedLsn(), "receivedLsn", g.receivedLsn()));
    } else if (o instanceof Observation.SnapshotSent) {
      Observation.SnapshotSent s = (Observation.SnapshotSent) o;
      recorder.event(at, "snapshot-sent", node, details("follower", s.follower(), "lsn", s.lsn(), "bytes", s.bytes()));
    } else if (o instanceof Observation.FollowerRestarted) {
      Observation.FollowerRestarted r = (Observation.FollowerRestarted) o;
      recorder.event(at, "follower-restarted", node,
          details("follower", r.follower(), "incarnation", r.incarnation()));
    } else if (o instanceof Observation.ResendServed) {
      Observation.ResendServed r = (Observation.ResendServed) o;
      recorder.event(at, "resend", node, details("follower", r.follower(), "fromLsn", r.fromLsn()));
    } else {
      return false;
    }
    return true;
  }
}
