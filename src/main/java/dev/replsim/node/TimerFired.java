package dev.replsim.node;

import dev.replsim.protocol.TimerKey;

/**
 * One of the core's timers came due: it was set for {@code dueLocal} on the node's clock, as its
 * {@code generation}-th setting; a firing of an older generation (the timer was set again or
 * cancelled since) is ignored.
 */
public record TimerFired(TimerKey key, long generation, long dueLocal) {}
