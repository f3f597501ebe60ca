package dev.replsim.report;

/**
 * A moment to mark on every time chart and on the message-sequence diagram: a failover, or a
 * node becoming leader.
 *
 * @param node the node it concerns (the new leader), or null
 */
public record Marker(double atMs, String label, String node) {}
