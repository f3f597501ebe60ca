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
 */
public record ClusterSettings(
    List<String> nodes, ReplicationSettings replication, String persistence, Distribution applyTime) {

  public ClusterSettings {
    nodes = List.copyOf(nodes);
  }

  public int followers() {
    return nodes.size() - 1;
  }
}
