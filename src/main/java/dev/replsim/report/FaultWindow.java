package dev.replsim.report;

import java.util.List;

/**
 * A stretch of the run during which a fault was in force: from a {@code fault} event to the
 * {@code heal} event with the same {@code id}, or to the end of the run if none came.
 *
 * @param fault the fault's name, e.g. {@code crash} or {@code partition}
 * @param nodes the nodes it hit; empty for the whole cluster
 * @param healed whether a heal event ended it
 */
public record FaultWindow(double startMs, double endMs, String fault, List<String> nodes, boolean healed) {

  /** {@code crash leader}, {@code partition follower-1, follower-2}. */
  public String label() {
    return nodes.isEmpty() ? fault : fault + " " + String.join(", ", nodes);
  }

  /** Whether {@code node}'s lifeline is affected. */
  public boolean hits(String node) {
    return nodes.isEmpty() || nodes.contains(node);
  }
}
