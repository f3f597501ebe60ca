package dev.replsim.scenario;

import dev.replsim.random.Distribution;
import java.util.List;

/**
 * The {@code cluster} section.
 *
 * @param nodes node names, the initial leader first: {@code leader, follower-1 ... follower-N}
 *     unless the scenario names them with {@code cluster.names}
 * @param persistence the journal kind; only {@code memory} so far
 * @param applyTime how long a follower takes to apply one entry
 * @param storage each node's page format version and the WAL checkpoint interval
 */
public record ClusterSettings(
    List<String> nodes,
    ReplicationSettings replication,
    String persistence,
    Distribution applyTime,
    StorageSettings storage) {

  public ClusterSettings {
    nodes = List.copyOf(nodes);
  }

  /** With the default storage: every node at page format version 1. */
  public ClusterSettings(List<String> nodes, ReplicationSettings replication, String persistence,
      Distribution applyTime) {
    this(nodes, replication, persistence, applyTime, StorageSettings.DEFAULT);
  }

  public int followers() {
    return nodes.size() - 1;
  }
}
