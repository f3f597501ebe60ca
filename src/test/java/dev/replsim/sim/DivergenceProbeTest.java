package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.metrics.Recorder;
import dev.replsim.metrics.RunEvent;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.storage.Database;
import dev.replsim.storage.KeyValueStore;
import dev.replsim.storage.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** At the end of a run: which keys a divergent node holds differently, a bounded sample of them. */
class DivergenceProbeTest {

  private final Map<String, Database> databases = new LinkedHashMap<>();
  private final Recorder recorder = new Recorder("leader", List.of("follower-1", "follower-2"));
  private int queries;

  private void set(String node, String key, String value) {
    databases.computeIfAbsent(node, n -> new KeyValueStore()).execute(new Statement.Assign(key, value, 8), 0);
  }

  private List<RunEvent> probe() throws Exception {
    List<NodeStatus> statuses = new ArrayList<>();
    databases.forEach((node, db) -> statuses.add(
        new NodeStatus(node, NodeStatus.Role.FOLLOWER, 1, 0, 0, 0, db.digest(), db.size())));
    DivergenceProbe.report(recorder, 0, statuses, (node, query) -> {
      queries++;
      return query.apply(databases.get(node));
    });
    return recorder.events();
  }

  @Test
  void aDivergentNodeGetsAnEventWithTheDifferingKeysAndEveryNodesValue() throws Exception {
    for (String node : List.of("leader", "follower-1", "follower-2")) {
      for (int i = 0; i < 100; i++) {
        set(node, "k" + i, "v" + i);
      }
    }
    set("follower-2", "k7", "other");
    set("follower-2", "extra", "x");

    List<RunEvent> events = probe();

    assertEquals(1, events.size());
    RunEvent e = events.get(0);
    assertEquals("divergence", e.type());
    assertEquals("follower-2", e.node());
    assertEquals(2, e.details().get("differingBuckets"));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("leader", null);
    values.put("follower-1", null);
    values.put("follower-2", "x");
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("leader", "v7");
    other.put("follower-1", "v7");
    other.put("follower-2", "other");
    assertEquals(List.of(Map.of("key", "extra", "values", values), Map.of("key", "k7", "values", other)),
        e.details().get("keys"));
  }

  @Test
  void theSampleIsBoundedHoweverFarANodeDiverged() throws Exception {
    for (int i = 0; i < 5000; i++) {
      set("leader", "k" + i, "a");
      set("follower-1", "k" + i, "b");
    }

    RunEvent e = probe().get(0);

    assertEquals(DivergenceProbe.SAMPLE, ((List<?>) e.details().get("keys")).size());
    assertTrue((int) e.details().get("differingBuckets") > DivergenceProbe.MAX_BUCKETS);
  }

  @Test
  void convergedNodesCostNoQueries() throws Exception {
    set("leader", "k", "v");
    set("follower-1", "k", "v");

    assertTrue(probe().isEmpty());
    assertEquals(0, queries);
  }
}
