/**
 * Nodes in JVMs of their own (issue 15, docs/distributed.md): starting, and killing, the child JVMs
 * that {@code replsim run --spawn} runs its nodes in.
 */
package dev.replsim.spawn;
