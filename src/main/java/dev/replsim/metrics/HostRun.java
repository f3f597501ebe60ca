package dev.replsim.metrics;

/**
 * What a virtual run cost its host, kept out of {@code summary.json} (which depends on the
 * scenario and seed alone) and written to {@code run.json}: the wall time, the simulated time and
 * their ratio, the events the loop ran and how many per second, and the JVM's peak heap.
 */
public record HostRun(String driver, double wallMs, double simulatedMs, double speedUp, long events,
    double eventsPerSec, long peakHeapBytes) {}
