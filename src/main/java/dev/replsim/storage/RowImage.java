package dev.replsim.storage;

/**
 * What a row image carries besides the key: MySQL's {@code binlog_row_image}, PostgreSQL's
 * {@code REPLICA IDENTITY}.
 */
public enum RowImage {
  /** The key and the new value: the least a replica needs to apply the change. */
  MINIMAL,
  /** Also the old value, for consumers that want to see what changed. */
  FULL
}
