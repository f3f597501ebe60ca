package dev.replsim.scenario;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import dev.replsim.protocol.AckLevel;
import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.Quorum;
import dev.replsim.protocol.ReplicationMethod;
import dev.replsim.protocol.WaitPoint;
import dev.replsim.storage.RowImage;
import java.time.Duration;
import java.util.List;

/** Reads and validates {@code cluster.replication}: the method, the commit rule and batching. */
final class ReplicationReader {

  static final String STANDBYS = "cluster.replication.standbys";

  private ReplicationReader() {}

  /** @param nodes the cluster's nodes, the leader first */
  static ReplicationSettings read(Fields f, List<String> nodes) {
    int followers = nodes.size() - 1;
    ReplicationMethod method =
        f.choice("cluster.replication.method", ReplicationMethod.values(), "a replication method");
    CommitMode mode = f.choice("cluster.replication.mode", CommitMode.values(), "a commit mode");
    boolean semiSync = mode == CommitMode.SEMI_SYNC;
    if (semiSync && followers == 0) {
      String blame =
          f.fromDefaults("cluster.followers") ? "cluster.replication.mode" : "cluster.followers";
      throw f.fail(
          blame,
          "cluster.replication.mode = semi-sync needs at least one follower to ack,"
              + " but cluster.followers = 0");
    }
    int acks = f.intIn("cluster.replication.acks", 1, Integer.MAX_VALUE);
    Quorum quorum = f.choice("cluster.replication.quorum", Quorum.values(), "a quorum");
    List<String> standbys = standbys(f, nodes);
    if (semiSync && acks > followers) {
      // acks is read for every mode (it must be sane) but bounded by the followers only where it
      // counts
      throw f.bad(
          "cluster.replication.acks",
          "is out of range: with "
              + followers
              + " follower"
              + (followers == 1 ? "" : "s")
              + ", semi-sync acks must be 1.."
              + followers);
    }
    if (semiSync && acks > standbys.size() && !standbys.isEmpty()) {
      throw f.bad(
          "cluster.replication.acks",
          String.format(
              "is out of range: with %d standby%s in %s, semi-sync acks must be 1..%d",
              standbys.size(), standbys.size() == 1 ? "" : "s", STANDBYS, standbys.size()));
    }
    AckLevel ackLevel =
        f.choice("cluster.replication.ack-level", AckLevel.values(), "an ack level");
    WaitPoint waitPoint =
        f.choice("cluster.replication.wait-point", WaitPoint.values(), "a wait point");
    Duration timeout =
        f.durationIn(
            "cluster.replication.timeout",
            Duration.ofNanos(1),
            Fields.LONGEST,
            "a duration greater than 0, e.g. 1s");
    RowImage rowImage = f.choice("cluster.replication.row-image", RowImage.values(), "a row image");
    int maxBatch = f.intIn("cluster.replication.max-batch", 1, 10_000);
    long maxInFlight =
        f.wholeNumber(
            "cluster.replication.max-in-flight",
            maxBatch,
            Long.MAX_VALUE,
            "at least cluster.replication.max-batch = "
                + maxBatch
                + ", so a full batch can be in flight");
    return new ReplicationSettings(method, mode, acks, ackLevel, timeout, maxBatch, maxInFlight,
        quorum, standbys, waitPoint, rowImage);
  }

  /** The standbys: followers, each once, in priority order. */
  private static List<String> standbys(Fields f, List<String> nodes) {
    List<String> followers = nodes.subList(1, nodes.size());
    String allowed = "a list of followers in priority order, e.g. [" + String.join(", ", followers) + "]";
    List<String> standbys = f.strings(STANDBYS, allowed);
    ConfigList items = standbys.isEmpty() ? null : (ConfigList) f.raw(STANDBYS);
    for (int i = 0; i < standbys.size(); i++) {
      String name = standbys.get(i);
      ConfigValue item = items.get(i);
      String problem = null;
      if (name.equals(nodes.get(0))) {
        problem = "is the leader: standbys are followers (" + Suggestions.and(followers) + ")";
      } else if (!followers.contains(name)) {
        problem = "is not a follower: must be one of " + Suggestions.and(followers)
            + Suggestions.nearest(name, followers).map(n -> "; did you mean " + n + "?").orElse("");
      } else if (standbys.indexOf(name) < i) {
        problem = "repeats " + STANDBYS + "[" + standbys.indexOf(name) + "]: name each standby once";
      }
      if (problem != null) {
        throw f.locations().error(
            Locations.leafOrigin(item), STANDBYS + "[" + i + "] = " + Fields.quoted(item) + " " + problem);
      }
    }
    return standbys;
  }
}
