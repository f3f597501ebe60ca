package dev.replsim.node;

import dev.replsim.metrics.Recorder;
import dev.replsim.network.LinkModel;
import dev.replsim.network.LinkProfile;
import dev.replsim.network.Transmission;
import dev.replsim.protocol.Message;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * A node's way out: its peers as the cluster Receptionist last listed them, and its emulated
 * outbound links. Every protocol message leaves through {@link #transmit}, where the link decides
 * whether and when it arrives. Owned by the node's actor, so single-threaded.
 */
final class Outbound {

  private final String self;
  private final Map<String, LinkModel> links;
  private final Recorder recorder;
  private final Map<String, ActorRef<ReplicaNode.Command>> peers = new HashMap<>();

  Outbound(String self, Map<String, LinkModel> links, Recorder recorder) {
    this.self = self;
    this.links = links;
    this.recorder = recorder;
  }

  /**
   * Replaces the peers with the Receptionist's latest listing (restarted nodes have new
   * references), keeping only references in this node's system or on a member that is up.
   */
  void peersListed(Set<ActorRef<ReplicaNode.Command>> listed, Set<Address> upMembers) {
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

  /** A peer's reference, for infrastructure messages that bypass the emulated network; or null. */
  ActorRef<ReplicaNode.Command> peer(String node) {
    return peers.get(node);
  }

  /**
   * Sends through the emulated link to {@code to}: dropped if the link loses it or a partition
   * cuts it, or when no node of that name is up; otherwise held by the receiver until the
   * delivery instant the link sampled (and a second copy if the link duplicates it).
   */
  void transmit(String to, Message message, long nowMicros) {
    LinkModel link = links.get(to);
    int size = message.sizeBytes();
    recorder.network().sent(size);
    Transmission t = link.transmit(nowMicros, size);
    ActorRef<ReplicaNode.Command> peer = peers.get(to);
    if (!t.delivered() || peer == null) {
      recorder.network().dropped(peer == null ? Transmission.Fate.LOST : t.fate());
      recorder.traceDropped(self, to, message, nowMicros);
      return;
    }
    peer.tell(new ReplicaNode.Envelope(nowMicros, t.deliverAtMicros(), message));
    recorder.traceSent(self, to, message, nowMicros, t.deliverAtMicros());
    if (t.duplicated()) {
      recorder.network().duplicated();
      peer.tell(new ReplicaNode.Envelope(nowMicros, t.duplicateAtMicros(), message));
      recorder.traceSent(self, to, message, nowMicros, t.duplicateAtMicros());
    }
  }

  LinkModel link(String to) {
    LinkModel link = links.get(to);
    if (link == null) {
      throw new IllegalArgumentException(self + " has no link to " + to);
    }
    return link;
  }

  void setProfile(String to, LinkProfile profile) {
    link(to).setProfile(profile);
  }
}
