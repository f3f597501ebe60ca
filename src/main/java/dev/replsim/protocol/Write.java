package dev.replsim.protocol;

/**
 * A client's write as it reaches the leader's protocol core.
 *
 * @param client an opaque handle the driver uses to route the outcome back (an actor
 *     reference in the live driver); the core never looks inside it
 * @param requestId the client's identifier for this write, echoed in the outcome
 * @param key the key written
 * @param value the value written
 * @param valueBytes the modelled size of the value
 */
public record Write(Object client, long requestId, String key, String value, int valueBytes) {}
