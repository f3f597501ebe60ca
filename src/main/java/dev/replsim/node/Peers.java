package dev.replsim.node;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * A live node's peers as the cluster Receptionist last listed them: the actor of each running
 * node, by name. Owned by the node's actor, so single-threaded.
 */
final class Peers {

  private final Map<String, ActorRef<ReplicaNode.Command>> peers = new HashMap<>();

  /**
   * Replaces the peers with the Receptionist's latest listing (restarted nodes have new
   * references), keeping only references in this node's system or on a member that is up.
   */
  void listed(Set<ActorRef<ReplicaNode.Command>> listed, Set<Address> upMembers) {
    peers.clear();
    for (ActorRef<ReplicaNode.Command> ref : listed) {
      Address address = ref.path().address();
      if (address.hasLocalScope() || upMembers.contains(address)) {
        peers.put(ref.path().name(), ref);
      }
    }
  }

  boolean knowsAll(Set<String> nodes) {
    return peers.keySet().containsAll(nodes);
  }

  /** A peer's reference, or null when no node of that name is listed. */
  ActorRef<ReplicaNode.Command> get(String node) {
    return peers.get(node);
  }

  /** Sends to the running node {@code to}; false when none is listed. */
  boolean send(String to, ReplicaNode.Command message) {
    ActorRef<ReplicaNode.Command> peer = peers.get(to);
    if (peer == null) {
      return false;
    }
    peer.tell(message);
    return true;
  }
}
