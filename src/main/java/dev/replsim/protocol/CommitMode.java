package dev.replsim.protocol;

/** When the leader tells a client its write is committed. */
public enum CommitMode {
  /** After the leader's own append; followers catch up later. */
  ASYNC,
  /** After every follower has acked the write. */
  SYNC,
  /** After {@code acks} followers have acked it, or after a timeout with fewer (then counted as a fallback). */
  SEMI_SYNC
}
