package dev.replsim.protocol;

/**
 * How the leader ships changes to followers. Logical (row-based) replication ships row images;
 * statement execution and write-ahead-log shipping are planned.
 */
public enum ReplicationMethod {
  /** Row images: key and new value, deterministic on every replica. */
  LOGICAL
}
