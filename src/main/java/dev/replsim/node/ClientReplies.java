package dev.replsim.node;

import dev.replsim.protocol.Decision;
import dev.replsim.protocol.ReadOutcome;
import dev.replsim.protocol.Redirect;
import dev.replsim.protocol.WriteOutcome;
import java.util.List;

/**
 * What a node answers its clients, and how: a committed write with {@link WriteCommitted}, a
 * write this node will not commit with {@link WriteRedirected}, a read with {@link ReadResult},
 * each handed to the client's {@link Recipient}, which the core carried as the request's handle.
 */
public final class ClientReplies {

  private ClientReplies() {}

  /**
   * Where a client hears its answers. Each driver's client supplies one: it must not answer
   * within the call, only take the reply into the client's context (the live client's mailbox,
   * the virtual driver's event queue), since the node is in the middle of carrying out a decision.
   */
  public interface Recipient {
    void written(WriteReply reply);

    void read(ReadResult result);
  }

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
   * of term {@code term}) and how long a follower held it for its session's position; or, when
   * {@code redirect} is not null, its refusal of a read meant for the leader, naming the node it
   * believes leads ({@code ""}: none).
   */
  public record ReadResult(long requestId, String key, String value, long lsn, long term, long waitedMicros,
      String redirect) {

    /** An answer. */
    public ReadResult(long requestId, String key, String value, long lsn, long term, long waitedMicros) {
      this(requestId, key, value, lsn, term, waitedMicros, null);
    }
  }

  static void send(Decision d, String node) {
    List<WriteOutcome> outcomes = d.outcomes();
    for (int i = 0, n = outcomes.size(); i < n; i++) {
      WriteOutcome o = outcomes.get(i);
      ((Recipient) o.client()).written(new WriteCommitted(o.requestId(), o.lsn(), o.term(), o.fallback()));
    }
    List<Redirect> redirects = d.redirects();
    for (int i = 0, n = redirects.size(); i < n; i++) {
      Redirect r = redirects.get(i);
      ((Recipient) r.client()).written(new WriteRedirected(node, r.requestId(), r.leader(), r.appended()));
    }
    List<ReadOutcome> reads = d.reads();
    for (int i = 0, n = reads.size(); i < n; i++) {
      ReadOutcome r = reads.get(i);
      ((Recipient) r.client()).read(new ReadResult(r.requestId(), r.key(), r.value(), r.lsn(), r.term(),
          r.waitedMicros(), r.redirect()));
    }
  }
}
