package dev.replsim.scenario;

import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.protocol.AckLevel;
import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.ReplicationMethod;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the faults that reconfigure the cluster mid-run: {@code commit} (a new mode, acks, ack
 * level or timeout, each with the meaning and checks of {@code cluster.replication}'s key of that
 * name) and {@code method} (a new replication method). They have no duration: each stays in force
 * until another changes it.
 */
final class ReconfigurationReader {

  static final List<String> COMMIT_KEYS = List.of("mode", "acks", "ack-level", "timeout");

  private ReconfigurationReader() {}

  /**
   * A {@code commit} fault: the keys it gives, the others left to what is in force then.
   *
   * @param replication the scenario's {@code cluster.replication}: how many standbys acks may count
   * @param followers how many followers the cluster starts with
   */
  static Fault.Commit commit(Fields f, ReplicationSettings replication, int followers) {
    if (COMMIT_KEYS.stream().noneMatch(f::has)) {
      throw f.fail("action", "a commit fault changes something: give it a mode, acks, ack-level or timeout,"
          + " e.g. { at = 20s, action = commit, mode = sync }");
    }
    CommitMode mode = f.has("mode") ? f.choice("mode", CommitMode.values(), "a commit mode") : null;
    if (mode == CommitMode.SEMI_SYNC && followers == 0) {
      throw f.bad("mode", "needs at least one follower to ack, but cluster.followers = 0");
    }
    int acks = 0;
    if (f.has("acks")) {
      acks = f.intIn("acks", 1, Integer.MAX_VALUE);
      if (acks > bound(replication, followers)) {
        throw f.bad("acks", "is out of range: " + allowedAcks(replication, followers));
      }
    }
    AckLevel level = f.has("ack-level") ? f.choice("ack-level", AckLevel.values(), "an ack level") : null;
    long timeout = f.has("timeout") ? FaultReader.micros(f.durationIn("timeout", Duration.ofNanos(1000),
        Fields.LONGEST, "a duration of at least 1us, e.g. 1s")) : 0;
    return new Fault.Commit(mode, acks, level, timeout);
  }

  /** A {@code method} fault. */
  static Fault.Method method(Fields f) {
    if (!f.has("method")) {
      throw f.fail("action", f.key("method") + " is missing: it must be statement, wal, logical or mixed");
    }
    return new Fault.Method(f.choice("method", ReplicationMethod.values(), "a replication method"));
  }

  /** A reconfiguration stays until another changes it: it takes no duration. */
  static void refuseDuration(Fields f, Fault fault) {
    String back = fault instanceof Fault.Commit ? "mode = async" : "method = logical";
    throw f.bad("duration", "is not for a " + fault.action() + " fault: it stays in force until another "
        + fault.action() + " fault changes it, e.g. { at = 30s, action = " + fault.action() + ", " + back + " }");
  }

  /**
   * A {@code commit} fault that turns semi-sync on without giving {@code acks} keeps the acks in
   * force then (the last earlier commit fault's, or {@code cluster.replication.acks}): they must
   * fit the followers, in the schedule's time order.
   *
   * @param where each fault's fields by id, so an error names the file and line of the fault
   */
  static void checkSchedule(List<ScheduledFault> faults, Map<String, Fields> where, ReplicationSettings replication,
      int followers) {
    int acks = replication.acks();
    String from = "cluster.replication.acks";
    List<ScheduledFault> inTime = faults.stream().sorted(Comparator.comparingLong(ScheduledFault::atMicros)).toList();
    for (ScheduledFault scheduled : inTime) {
      if (!(scheduled.fault() instanceof Fault.Commit c)) {
        continue;
      }
      Fields f = where.get(scheduled.id());
      if (c.acks() > 0) {
        acks = c.acks();
        from = f.key("acks");
      } else if (c.mode() == CommitMode.SEMI_SYNC && acks > bound(replication, followers)) {
        throw f.bad("mode", "keeps acks = " + acks + " (" + from + "), which is out of range: "
            + allowedAcks(replication, followers) + "; give " + f.key("acks"));
      }
    }
  }

  /** The most acks semi-sync can wait for: one per standby, or per follower without standbys. */
  private static int bound(ReplicationSettings replication, int followers) {
    return replication.standbys().isEmpty() ? followers : replication.standbys().size();
  }

  /** What acks may be, in the words {@code cluster.replication.acks} uses. */
  private static String allowedAcks(ReplicationSettings replication, int followers) {
    int standbys = replication.standbys().size();
    return replication.standbys().isEmpty()
        ? String.format("with %d follower%s, semi-sync acks must be 1..%d", followers, followers == 1 ? "" : "s",
            followers)
        : String.format("with %d standby%s in %s, semi-sync acks must be 1..%d", standbys,
            standbys == 1 ? "" : "s", ReplicationReader.STANDBYS, standbys);
  }
}
