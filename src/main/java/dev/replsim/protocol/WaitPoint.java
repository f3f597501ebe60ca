package dev.replsim.protocol;

/**
 * When a write waiting for acks becomes visible to other clients on the leader, as MySQL's
 * {@code rpl_semi_sync_source_wait_point} sets it.
 */
public enum WaitPoint {
  /**
   * Visible only once committed (acked as the commit rule needs): no client can read a write that
   * a failover could still lose. MySQL's default since 5.7 ("lossless" semi-sync).
   */
  AFTER_SYNC,
  /**
   * Visible as soon as the leader has it durable, before any ack: other clients may read a write
   * that is then lost in a failover, and which its own client has not yet heard committed.
   */
  AFTER_COMMIT
}
