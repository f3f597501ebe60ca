/**
 * replsim as a library, for scripts, notebooks and tests: load a scenario ({@link
 * dev.replsim.api.Simulation}), change its keys, pick its seed and driver, run it, and read a
 * typed, immutable {@link dev.replsim.api.Result}, without the command line and without files
 * unless asked. See {@code docs/api.md}.
 */
package dev.replsim.api;
