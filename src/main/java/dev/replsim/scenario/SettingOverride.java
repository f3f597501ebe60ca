package dev.replsim.scenario;

/**
 * One command-line override of a scenario key, in HOCON syntax ({@code network.delay.value=50ms}).
 *
 * @param source where it came from, for error messages: {@code --set}, {@code --seed}, ...
 * @param text the assignment, {@code key=value}
 */
public record SettingOverride(String source, String text) {}
