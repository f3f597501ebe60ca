package dev.replsim.node;

import dev.replsim.protocol.Decision;
import dev.replsim.protocol.ReadOutcome;
import dev.replsim.protocol.WriteOutcome;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Answers clients as the core decided: a committed write with {@link ReplicaNode.WriteCommitted},
 * a read with {@link ReplicaNode.ReadResult}, each to the client's actor, which the core carried
 * as an opaque handle.
 */
final class ClientReplies {

  private ClientReplies() {}

  @SuppressWarnings("unchecked")
  static void send(Decision d) {
    for (WriteOutcome o : d.outcomes()) {
      ActorRef<ReplicaNode.WriteCommitted> client = (ActorRef<ReplicaNode.WriteCommitted>) o.client();
      client.tell(new ReplicaNode.WriteCommitted(o.requestId(), o.lsn(), o.term(), o.fallback()));
    }
    for (ReadOutcome r : d.reads()) {
      ActorRef<ReplicaNode.ReadResult> client = (ActorRef<ReplicaNode.ReadResult>) r.client();
      client.tell(new ReplicaNode.ReadResult(r.requestId(), r.key(), r.value(), r.lsn(), r.term(), r.waitedMicros()));
    }
  }
}
