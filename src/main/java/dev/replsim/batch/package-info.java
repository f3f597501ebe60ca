/**
 * Runs many independent jobs (simulations, checks) on a fixed number of worker threads and tells a
 * listener as each finishes, so a command can draw one progress bar over them all. Used by
 * {@code replsim sweep}; nothing here knows what a job does.
 */
package dev.replsim.batch;
