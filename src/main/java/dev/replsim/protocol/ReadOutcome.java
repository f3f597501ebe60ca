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
 */
public record ReadOutcome(Object client, long requestId, String key, String value, long lsn) {}
