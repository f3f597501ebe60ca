package dev.replsim.protocol;

/**
 * A message between two nodes. Every one crosses the emulated network, so each knows its size
 * on the wire; every one carries the sender's term so a node can recognise a stale leader.
 */
public sealed interface Message permits AppendEntries, Ack, ResendRequest, Heartbeat, Snapshot, StreamRefused, RequestVote, Vote,
    Hello, LogMatch, TimeoutNow {

  /** The sender's term. */
  long term();

  /** The sending node's name. */
  String from();

  /** Bytes on the wire, under the size model. */
  int sizeBytes();
}
