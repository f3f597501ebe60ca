package dev.replsim.node;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The nodes' {@link HardState} in this JVM's memory: it outlives a node's ActorSystem, not the JVM. */
final class MemoryHardState implements HardState {

  private final Map<String, Vote> votes = new ConcurrentHashMap<>();

  @Override
  public void save(String node, long term, String candidate) {
    votes.merge(node, new Vote(term, candidate), (old, now) -> HardState.replaces(now, old) ? now : old);
  }

  @Override
  public Vote of(String node, String initialLeader) {
    return votes.getOrDefault(node, Vote.initial(initialLeader));
  }
}
