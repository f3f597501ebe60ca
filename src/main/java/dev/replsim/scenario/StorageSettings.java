package dev.replsim.scenario;

import java.time.Duration;
import java.util.Map;

/**
 * The {@code cluster.storage} section: each node's page format version and how often WAL
 * checkpoints start a new round of full-page images.
 *
 * @param version the page format version of every node without an override
 * @param nodeVersions per-node overrides, e.g. {@code follower-2 = 2}
 * @param checkpointInterval under WAL shipping, the time between checkpoints
 */
public record StorageSettings(int version, Map<String, Integer> nodeVersions, Duration checkpointInterval) {

  /** Every node at version 1, a checkpoint every 5 s: the defaults. */
  public static final StorageSettings DEFAULT = new StorageSettings(1, Map.of(), Duration.ofSeconds(5));

  public StorageSettings {
    nodeVersions = Map.copyOf(nodeVersions);
  }

  /** The page format version of a node. */
  public int versionOf(String node) {
    return nodeVersions.getOrDefault(node, version);
  }
}
