package dev.replsim.protocol;

/**
 * A node's answer to a write it will not commit, because it does not lead (any longer): the
 * client should try {@code leader}, if known.
 *
 * @param client the handle from the {@link Write}
 * @param requestId the client's identifier for the write
 * @param leader the leader this node knows of, or null
 * @param appended whether the write had been appended before this node stepped down: its fate is
 *     then unknown (a later leader may or may not hold it), and retrying it may apply it twice
 */
public record Redirect(Object client, long requestId, String leader, boolean appended) {}
