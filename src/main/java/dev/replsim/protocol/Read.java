package dev.replsim.protocol;

/**
 * A client's read of one key, as it reaches a node's protocol core: the leader answers with what
 * other clients may see there (see {@link WaitPoint}), a follower with what it has applied.
 *
 * @param client an opaque handle the driver uses to route the outcome back
 * @param requestId the client's identifier for this read, echoed in the outcome
 * @param key the key read
 */
public record Read(Object client, long requestId, String key) {}
