package dev.replsim.storage;

/**
 * What one log entry changes in the replicated database, in the form the replication method
 * ships it. Logical (row-based) replication ships {@link RowChange}s; statement and WAL shipping
 * add their own forms later.
 */
public sealed interface Change permits RowChange {

  /** Bytes this change takes on the wire under the documented {@link SizeModel}. */
  int sizeBytes();
}
