/**
 * Judges a run by the history of what its clients did ({@link dev.replsim.check.History} of
 * {@link dev.replsim.check.Operation}s), independently of the mechanisms meant to prevent
 * anomalies: stale reads, read-your-writes, monotonic-read and consistent-prefix violations and
 * the t-visibility curve ({@link dev.replsim.check.ReadAnomalies}), and linearizability with
 * minimal counterexamples ({@link dev.replsim.check.Linearizability}). Pure Java: no Pekko, no
 * clock, no threads. The definitions are in docs/design-notes.md.
 */
package dev.replsim.check;
