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
 * @param term the term of the log that {@code lsn} is in
 * @param waitedMicros how long a follower held the read for the state it asked for (0 when
 *     answered at once), on the node's clock
 */
public record ReadOutcome(Object client, long requestId, String key, String value, long lsn, long term,
    long waitedMicros) {

  /** An answer given at once, its term unknown (0). */
  public ReadOutcome(Object client, long requestId, String key, String value, long lsn) {
    this(client, requestId, key, value, lsn, 0, 0);
  }

  /** The position of the state the answer reflects. */
  public LogPosition position() {
    return new LogPosition(term, lsn);
  }
}
