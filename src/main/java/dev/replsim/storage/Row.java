package dev.replsim.storage;

/**
 * A row's value as a database holds it: the value and its modelled size in bytes. Values are short
 * tags ({@code c1-42}) standing for {@code valueBytes} bytes, so sizes on the wire follow the
 * workload's configured value size without padding every value in memory.
 */
public record Row(String value, int valueBytes) {}
