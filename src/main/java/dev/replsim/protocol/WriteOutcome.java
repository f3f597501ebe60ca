package dev.replsim.protocol;

/**
 * The leader's answer to a write once the commit rule is met (or its semi-sync wait timed out).
 *
 * @param client the handle from the {@link Write}
 * @param requestId the client's identifier for the write
 * @param lsn the LSN the write was appended at
 * @param term the leader's term when it appended the write: a later leader that does not hold
 *     that entry has lost the write
 * @param fallback true when semi-sync gave up waiting for acks and committed it as async
 */
public record WriteOutcome(Object client, long requestId, long lsn, long term, boolean fallback) {}
