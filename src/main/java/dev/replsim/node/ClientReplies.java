package dev.replsim.node;

import dev.replsim.protocol.Decision;
import dev.replsim.protocol.ReadOutcome;
import dev.replsim.protocol.Redirect;
import dev.replsim.protocol.WriteOutcome;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Answers clients as the core decided: a committed write with {@link ReplicaNode.WriteCommitted},
 * a write this node will not commit with {@link ReplicaNode.WriteRedirected},
 * a read with {@link ReplicaNode.ReadResult}, each to the client's actor, which the core carried
 * as an opaque handle.
 */
final class ClientReplies {

  private ClientReplies() {}

  @SuppressWarnings("unchecked")
  static void send(Decision d, String node) {
    for (WriteOutcome o : d.outcomes()) {
      ActorRef<ReplicaNode.WriteReply> client = (ActorRef<ReplicaNode.WriteReply>) o.client();
      client.tell(new ReplicaNode.WriteCommitted(o.requestId(), o.lsn(), o.term(), o.fallback()));
    }
    for (Redirect r : d.redirects()) {
      ActorRef<ReplicaNode.WriteReply> client = (ActorRef<ReplicaNode.WriteReply>) r.client();
      client.tell(new ReplicaNode.WriteRedirected(node, r.requestId(), r.leader(), r.appended()));
    }
    for (ReadOutcome r : d.reads()) {
      ActorRef<ReplicaNode.ReadResult> client = (ActorRef<ReplicaNode.ReadResult>) r.client();
      client.tell(new ReplicaNode.ReadResult(r.requestId(), r.key(), r.value(), r.lsn(), r.term(), r.waitedMicros()));
    }
  }
}
