package dev.replsim.sim;

/**
 * The state of a running simulation, reported every sample interval for the progress line.
 *
 * @param elapsedMicros time since the writes started
 * @param totalMicros the configured duration
 * @param writesPerSec acknowledged writes per second over the last interval
 * @param maxApplyLagMs the largest current apply lag of any follower
 * @param activity a short note on what else is going on (faults, drain), or empty
 */
public record Progress(
    long elapsedMicros, long totalMicros, double writesPerSec, double maxApplyLagMs, String activity) {}
