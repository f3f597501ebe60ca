package dev.replsim.sim;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.metrics.Recorder;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.storage.Database;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * At the end of a run, finds keys that a divergent node holds differently from the leader and
 * reports a bounded sample of them, with every node's value, as {@code divergence} events. It
 * compares digests of buckets of keys first (a one-level Merkle tree, as anti-entropy repair
 * does), then the rows of a few differing buckets, so no node ever ships its whole state.
 */
public final class DivergenceProbe {

  static final int BUCKETS = 1024;
  /** Differing buckets whose rows are compared, at most. */
  static final int MAX_BUCKETS = 16;
  /** Rows fetched from one node for those buckets, at most. */
  static final int MAX_ROWS = 1024;
  /** Differing keys reported per divergent node, at most. */
  static final int SAMPLE = 10;

  /** Runs a bounded read-only query on a node's database and returns its result. */
  @FunctionalInterface
  public interface Inspector {
    Object inspect(String node, Function<Database, ?> query) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T ask(Inspector inspector, String node, Function<Database, T> query) throws Exception {
    return (T) inspector.inspect(node, query);
  }

  private DivergenceProbe() {}

  /**
   * @param statuses every node's final state, the leader first
   */
  public static void report(Recorder recorder, long atMicros, List<NodeStatus> statuses, Inspector inspector)
      throws Exception {
    NodeStatus leader = statuses.get(0);
    List<String> nodes = statuses.stream().map(NodeStatus::name).toList();
    long[] leaderDigests = null;
    for (NodeStatus s : statuses.subList(1, statuses.size())) {
      if (s.digest() == leader.digest()) {
        continue;
      }
      if (leaderDigests == null) {
        leaderDigests = ask(inspector, leader.name(), db -> db.bucketDigests(BUCKETS));
      }
      long[] digests = ask(inspector, s.name(), db -> db.bucketDigests(BUCKETS));
      Set<Integer> differing = new HashSet<>();
      int differingBuckets = 0;
      for (int b = 0; b < BUCKETS; b++) {
        if (digests[b] != leaderDigests[b]) {
          differingBuckets++;
          if (differing.size() < MAX_BUCKETS) {
            differing.add(b);
          }
        }
      }
      SortedMap<String, String> theirs = ask(inspector, s.name(), db -> db.rowsIn(differing, BUCKETS, MAX_ROWS));
      SortedMap<String, String> ours = ask(inspector, leader.name(), db -> db.rowsIn(differing, BUCKETS, MAX_ROWS));
      TreeSet<String> keys = new TreeSet<>(ours.keySet());
      keys.addAll(theirs.keySet());
      List<String> sample = new ArrayList<>();
      for (String key : keys) {
        if (sample.size() < SAMPLE && !Objects.equals(ours.get(key), theirs.get(key))) {
          sample.add(key);
        }
      }
      recorder.event(atMicros, "divergence", s.name(), details(
          "differingBuckets", differingBuckets, "buckets", BUCKETS, "keys", values(sample, nodes, inspector)));
    }
  }

  /** Each sampled key with every node's value (null where the node has no such row). */
  private static List<Map<String, Object>> values(List<String> keys, List<String> nodes, Inspector inspector)
      throws Exception {
    Map<String, Map<String, String>> byNode = new LinkedHashMap<>();
    for (String node : nodes) {
      byNode.put(node, ask(inspector, node, db -> {
        Map<String, String> values = new LinkedHashMap<>();
        keys.forEach(k -> values.put(k, db.value(k)));
        return values;
      }));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String key : keys) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (String node : nodes) {
        values.put(node, byNode.get(node).get(key));
      }
      rows.add(details("key", key, "values", values));
    }
    return rows;
  }
}
