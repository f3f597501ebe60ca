package dev.replsim.protocol;

/**
 * A node's answer to a {@link Read}.
 *
 * @param client the handle from the read
 * @param requestId the client's identifier for the read
 * @param key the key read
 * @param value its value, or null if the row does not exist there
 * @param lsn the log position the answer reflects: every write up to it is visible in it (the
 *     leader's visible position, a follower's applied one)
 * @param term on a follower, the term of the entry at {@code lsn} (0 for LSN 0); on the leader, its
 *     term, whose log holds {@code lsn}
 * @param waitedMicros how long a follower held the read for the state it asked for (0 when
 *     answered at once), on the node's clock
 * @param redirect null for an answer; for a refused {@link Read#leaderOnly() leader read}, the node
 *     the refusing one believes leads ({@code ""} when it knows none)
 */
public record ReadOutcome(Object client, long requestId, String key, String value, long lsn, long term,
    long waitedMicros, String redirect) {

  /** An answer given at once, its term unknown (0). */
  public ReadOutcome(Object client, long requestId, String key, String value, long lsn) {
    this(client, requestId, key, value, lsn, 0, 0);
  }

  /** An answer. */
  public ReadOutcome(Object client, long requestId, String key, String value, long lsn, long term,
      long waitedMicros) {
    this(client, requestId, key, value, lsn, term, waitedMicros, null);
  }

  /** Whether the node refused the read instead of answering it. */
  public boolean refused() {
    return redirect != null;
  }

  /** The position of the state the answer reflects. */
  public LogPosition position() {
    return new LogPosition(term, lsn);
  }
}
