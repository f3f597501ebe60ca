package dev.replsim.node;

import dev.replsim.protocol.Decision;
import dev.replsim.protocol.ReadOutcome;
import dev.replsim.protocol.Redirect;
import dev.replsim.protocol.WriteOutcome;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a node answers its clients, and how: a committed write with {@link WriteCommitted}, a
 * write this node will not commit with {@link WriteRedirected}, a read with {@link ReadResult},
 * each sent to the client's actor, which the core carried as an opaque handle.
 */
public final class ClientReplies {

  private ClientReplies() {}

  /** The leader's answer to a client once its write is committed. */
  public record WriteCommitted(long requestId, long lsn, long term, boolean fallback) implements WriteReply {}

  /**
   * A node's answer to a write it will not commit because it does not lead: try {@code leader}
   * (null if unknown). {@code appended}: the node had appended it before stepping down, so its
   * fate is unknown.
   */
  public record WriteRedirected(String node, long requestId, String leader, boolean appended) implements WriteReply {}

  /** What a client hears about its write. */
  public sealed interface WriteReply permits WriteCommitted, WriteRedirected {
    long requestId();
  }

  /**
   * A node's answer to a read: the value (null if absent), the state it reflects (LSN {@code lsn}
   * of term {@code term}) and how long a follower held it for its session's position.
   */
  public record ReadResult(long requestId, String key, String value, long lsn, long term, long waitedMicros) {}

  @SuppressWarnings("unchecked")
  static void send(Decision d, String node) {
    for (WriteOutcome o : d.outcomes()) {
      ActorRef<WriteReply> client = (ActorRef<WriteReply>) o.client();
      client.tell(new WriteCommitted(o.requestId(), o.lsn(), o.term(), o.fallback()));
    }
    for (Redirect r : d.redirects()) {
      ActorRef<WriteReply> client = (ActorRef<WriteReply>) r.client();
      client.tell(new WriteRedirected(node, r.requestId(), r.leader(), r.appended()));
    }
    for (ReadOutcome r : d.reads()) {
      ActorRef<ReadResult> client = (ActorRef<ReadResult>) r.client();
      client.tell(new ReadResult(r.requestId(), r.key(), r.value(), r.lsn(), r.term(), r.waitedMicros()));
    }
  }
}
