package dev.replsim.scenario;

import dev.replsim.random.Distribution;
import java.util.List;
import java.util.Map;

/**
 * The {@code cluster} section.
 *
 * @param nodes node names, the initial leader first: {@code leader, follower-1 ... follower-N}
 *     unless the scenario names them with {@code cluster.names}
 * @param persistence the journal kind: {@code memory}, {@code h2} or a JDBC URL
 * @param snapshotInterval with a durable journal, how many entries a node appends between snapshots
 * @param logRetention how many entries the leader keeps for followers behind it; one further behind
 *     gets a snapshot
 * @param applyTime how long a follower takes to apply one entry
 * @param nodeApplyTime per-node apply times that replace {@code applyTime} (a slow replica)
 * @param storage each node's page format version and the WAL checkpoint interval
 * @param journalWriteTime in virtual time, how long one write (a group commit) of a durable journal
 *     takes; the live driver measures its real journal instead
 */
public record ClusterSettings(
    List<String> nodes,
    ReplicationSettings replication,
    String persistence,
    Distribution applyTime,
    Map<String, Distribution> nodeApplyTime,
    StorageSettings storage,
    long snapshotInterval,
    long logRetention,
    Distribution journalWriteTime) {

  /** The defaults of conf/replsim.conf for the snapshot interval, the log retention and a journal write. */
  public static final long DEFAULT_SNAPSHOT_INTERVAL = 10_000;
  public static final long DEFAULT_LOG_RETENTION = 100_000;
  public static final Distribution DEFAULT_JOURNAL_WRITE_TIME = new Distribution.Constant(1_000);

  /** With the default journal write time (constant 1 ms). */
  public ClusterSettings(List<String> nodes, ReplicationSettings replication, String persistence,
      Distribution applyTime, Map<String, Distribution> nodeApplyTime, StorageSettings storage,
      long snapshotInterval, long logRetention) {
    this(nodes, replication, persistence, applyTime, nodeApplyTime, storage, snapshotInterval, logRetention,
        DEFAULT_JOURNAL_WRITE_TIME);
  }

  public ClusterSettings(List<String> nodes, ReplicationSettings replication, String persistence,
      Distribution applyTime, Map<String, Distribution> nodeApplyTime, StorageSettings storage) {
    this(nodes, replication, persistence, applyTime, nodeApplyTime, storage, DEFAULT_SNAPSHOT_INTERVAL,
        DEFAULT_LOG_RETENTION);
  }

  /** Whether nodes keep their log in a durable journal (h2 or a JDBC URL). */
  public boolean durable() {
    return !persistence.equals("memory");
  }

  public ClusterSettings {
    nodes = List.copyOf(nodes);
    nodeApplyTime = Map.copyOf(nodeApplyTime);
  }

  /** How long this node takes to apply one entry. */
  public Distribution applyTime(String node) {
    return nodeApplyTime.getOrDefault(node, applyTime);
  }

  /** With the default storage: every node at page format version 1. */
  public ClusterSettings(List<String> nodes, ReplicationSettings replication, String persistence,
      Distribution applyTime) {
    this(nodes, replication, persistence, applyTime, Map.of(), StorageSettings.DEFAULT);
  }

  public int followers() {
    return nodes.size() - 1;
  }
}
