package dev.replsim.protocol;

/**
 * A client's read of one key, as it reaches a node's protocol core: the leader answers with what
 * other clients may see there (see {@link WaitPoint}), a follower with what it has applied.
 *
 * <p>A read may carry a session's requirement: a state at least as new as {@link #after} (the
 * position of the client's last write, or of the newest state it has read). A follower that has
 * not applied that far holds the read until it has, for up to {@link #maxWaitMicros}, and then
 * answers with the state it has: the answer's position tells the client whether it was met. The
 * leader never holds a read; it shows a session at least the state the session has seen.
 *
 * @param client an opaque handle the driver uses to route the outcome back
 * @param requestId the client's identifier for this read, echoed in the outcome
 * @param key the key read
 * @param after the state the answer must be at least as new as; {@link LogPosition#ORIGIN} for any
 * @param maxWaitMicros how long a follower may hold the read for that state; 0 to answer at once
 * @param leaderOnly the client wants the leader's state: a node that does not lead (a deposed
 *     leader that came back, a node the client wrongly believes leads) or a leader whose lease has
 *     lapsed refuses the read, naming the leader it knows, instead of answering with a state no
 *     leader vouches for
 */
public record Read(Object client, long requestId, String key, LogPosition after, long maxWaitMicros,
    boolean leaderOnly) {

  public Read {
    if (after == null || maxWaitMicros < 0) {
      throw new IllegalArgumentException("a read needs a position and a wait >= 0, got " + after + ", "
          + maxWaitMicros + " µs");
    }
  }

  /** A read without a session requirement: answered at once, from whatever the node holds. */
  public Read(Object client, long requestId, String key) {
    this(client, requestId, key, LogPosition.ORIGIN, 0);
  }

  /** A read any node answers, whether it leads or not. */
  public Read(Object client, long requestId, String key, LogPosition after, long maxWaitMicros) {
    this(client, requestId, key, after, maxWaitMicros, false);
  }

  /** The answer of a node that will not answer this read: it does not lead (see {@link #leaderOnly}). */
  public ReadOutcome refused(String leader) {
    return new ReadOutcome(client, requestId, key, null, 0, 0, 0, leader == null ? "" : leader);
  }

  /** Whether an answer reflects a state at least as new as this read asked for. */
  public boolean metBy(ReadOutcome outcome) {
    return after.reachedBy(outcome.term(), outcome.lsn());
  }
}
