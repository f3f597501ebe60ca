package dev.replsim.workload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where a client sends its writes: the node it believes leads. It starts with the scenario's
 * leader and learns of a new one the way a driver of a replicated database does: from a node's
 * redirect, which names the leader it follows. In a cluster with failover, when its leader's
 * connection drops or a redirect names no leader (an election is under way), it tries the running
 * nodes in turn; without failover it waits for its leader to come back.
 */
final class LeaderFinder {

  private final Set<String> running;
  private final boolean failover;
  private Consumer<String> learnt = node -> { };
  private String leader;
  private int nextGuess;

  /** @param nodes the running nodes, the leader among them */
  LeaderFinder(String leader, Set<String> nodes, boolean failover) {
    this.running = new HashSet<>(nodes);
    this.failover = failover;
    this.leader = running.contains(leader) ? leader : null;
  }

  /** Tells {@code listener} of each leader learnt (from a redirect or a restart), not of guesses. */
  void onLearnt(Consumer<String> listener) {
    this.learnt = listener;
  }

  /** The node writes go to now, or null when none can take them (the leader is down, no failover). */
  String leader() {
    return leader;
  }

  /**
   * {@code from} would not take a write: it follows {@code hint}, or knows of no leader (null).
   * Returns whether the write should wait before it is sent again (no leader is known yet).
   */
  boolean redirected(String from, String hint) {
    if (hint != null && running.contains(hint) && !hint.equals(from)) {
      leader = hint;
      learnt.accept(hint);
      return false;
    }
    if (from.equals(leader)) {
      leader = failover ? guessOtherThan(from) : null;
    }
    return true;
  }

  /** A node's process is gone. */
  void down(String node) {
    running.remove(node);
    if (node.equals(leader)) {
      leader = failover ? guessOtherThan(node) : null;
    }
  }

  /** A node runs again; {@code leads} when it is known to lead (a restart without failover). */
  void up(String node, boolean leads) {
    running.add(node);
    if (leads) {
      learnt.accept(node);
    }
    if (leads || leader == null && failover) {
      leader = node;
    }
  }

  /** The next running node in name order after the last guess, skipping {@code not}; null if none. */
  private String guessOtherThan(String not) {
    List<String> names = new ArrayList<>(running);
    names.remove(not);
    if (names.isEmpty()) {
      return null;
    }
    names.sort(null);
    return names.get(Math.floorMod(nextGuess++, names.size()));
  }
}
