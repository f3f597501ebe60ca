package dev.replsim.scenario;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import dev.replsim.storage.PageFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and validates {@code cluster.storage}: page format versions and WAL checkpoints. */
final class StorageReader {

  static final String NODE_VERSIONS = "cluster.storage.node-versions";
  private static final String VERSIONS = "1 or 2";

  private StorageReader() {}

  /** @param nodes the cluster's nodes, which node-versions may name */
  static StorageSettings read(Fields f, List<String> nodes) {
    int version = version(f, "cluster.storage.version");
    ConfigValue raw = f.raw(NODE_VERSIONS);
    if (!(raw instanceof ConfigObject)) {
      throw f.bad(NODE_VERSIONS, "is not an object: write node-versions = { follower-2 = 2 }");
    }
    Map<String, Integer> nodeVersions = new LinkedHashMap<>();
    Fields versions = f.child((ConfigObject) raw, NODE_VERSIONS + ".");
    for (String node : ((ConfigObject) raw).keySet()) {
      if (!nodes.contains(node)) {
        throw versions.bad(node, "names no node: the nodes are " + Suggestions.and(nodes)
            + Suggestions.nearest(node, nodes).map(n -> "; did you mean " + n + "?").orElse(""));
      }
      nodeVersions.put(node, version(versions, node));
    }
    Duration checkpoint = f.durationIn("cluster.storage.checkpoint-interval", Duration.ofMillis(1),
        Fields.LONGEST, "at least 1ms, e.g. 5s");
    return new StorageSettings(version, nodeVersions, checkpoint);
  }

  private static int version(Fields f, String path) {
    int version = (int) f.wholeNumber(path, Integer.MIN_VALUE, Integer.MAX_VALUE, VERSIONS);
    if (!PageFormat.supports(version)) {
      throw f.bad(path, "is not a page format version: must be " + VERSIONS);
    }
    return version;
  }
}
