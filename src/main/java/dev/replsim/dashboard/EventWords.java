package dev.replsim.dashboard;

import dev.replsim.metrics.RunEvent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * {@code events.jsonl} lines in plain words for the dashboard's feed: "follower-2 became leader
 * (term 2)". Bookkeeping lines (resends, gaps, who follows whom) are left out of the feed.
 */
final class EventWords {

  private static final Set<String> QUIET = Set.of("resend", "gap-detected", "following", "snapshot-sent",
      "log-rewound", "lease-expired", "caught-up");

  private EventWords() {}

  /** The event in words, or null when the feed leaves it out. */
  static String of(RunEvent e) {
    Map<String, Object> d = e.details();
    String node = e.node();
    switch (e.type()) {
      case "pace":
        return "speed".equals(d.get("action")) ? "time runs at " + d.get("speed") + "×"
            : "step".equals(d.get("action")) ? "one step" : "time " + d.get("action") + "d";
      case "role":
        return "leader".equals(d.get("role"))
            ? node + " became leader (term " + d.get("term") + ")"
            : node + " is a follower (term " + d.get("term") + ")";
      case "leader-suspected":
        return node + " suspects leader " + d.get("leader") + " is gone";
      case "election-started":
        return node + " started an election for term " + d.get("term");
      case "fault":
        if (d.containsKey("running")) {
          return "clients " + (Boolean.TRUE.equals(d.get("running")) ? "started" : "stopped") + " (" + d.get("id") + ")";
        }
        if ("rate".equals(d.get("action"))) {
          return "rate" + perSecond(d, "writes") + perSecond(d, "reads") + " (" + d.get("id") + ")";
        }
        if ("method".equals(d.get("action"))) {
          return "replication method is now " + d.get("method") + " (" + d.get("id") + ")";
        }
        if ("commit".equals(d.get("action"))) {
          return "commit mode is now " + d.get("mode") + ("semi-sync".equals(d.get("mode")) ? " with "
              + d.get("acks") + " ack" + ("1".equals(String.valueOf(d.get("acks"))) ? "" : "s") : "")
              + " (" + d.get("id") + ")";
        }
        return d.get("action") + " " + nodes(d.get("nodes")) + " (" + d.get("id") + ")";
      case "heal":
        if ("heal".equals(d.get("action"))) {
          return "heal (" + d.get("id") + ")";
        }
        return d.get("action") + " " + d.get("id") + " is over" + (d.containsKey("reason") ? " (" + d.get("reason")
            + ")" : "");
      case "fault-skipped":
        return d.get("action") + " skipped: " + d.get("reason");
      case "node-up":
        return node + " is up again";
      case "recovered":
        return node + " recovered";
      case "writes-stopped":
        return "the writes stopped";
      case "lost-writes":
        return d.get("count") + " acknowledged writes of term " + d.get("term") + " lost";
      case "semi-sync-fallback":
        return "semi-sync fell back to async";
      case "divergence":
        return "replicas diverge";
      default:
        return QUIET.contains(e.type()) ? null : e.type().replace('-', ' ') + (node == null ? "" : " " + node);
    }
  }

  /** {@code " writes 500/s"} when the rate fault set it. */
  private static String perSecond(Map<String, Object> d, String key) {
    return d.get(key) instanceof Number n ? " " + key + " " + (n.doubleValue() == Math.rint(n.doubleValue())
        ? String.valueOf(n.longValue()) : String.valueOf(n)) + "/s" : "";
  }

  private static String nodes(Object nodes) {
    return nodes instanceof Collection<?> c ? String.join(", ", c.stream().map(String::valueOf).toList())
        : String.valueOf(nodes);
  }
}
