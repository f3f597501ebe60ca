package dev.replsim.scenario;

/**
 * The {@code output} section.
 *
 * @param dir where the run writes its results; empty for {@code results/<name>-<timestamp>}
 */
public record OutputSettings(String dir) {}
