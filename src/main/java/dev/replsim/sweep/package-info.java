/**
 * What a sweep is: the {@code --vary} values ({@link dev.replsim.sweep.Vary}), their cross product
 * repeated over seeds with a readable id per run ({@link dev.replsim.sweep.SweepPlan}), and the
 * manifest that lets {@code --resume} recognise its own sweep ({@link dev.replsim.sweep.SweepManifest}).
 * Pure: no files but the manifest, no runs.
 */
package dev.replsim.sweep;
