package dev.replsim.storage;

/**
 * What one log entry changes in the replicated database, in the form its replication method ships
 * it: row images ({@link RowChange}, {@link FullRowChange}, {@link RowDelete}, several in
 * {@link RowChanges}) for logical replication, the statement text ({@link StatementChange}) for
 * statement replication, physical page writes ({@link WalRecord}) for WAL shipping.
 */
public sealed interface Change
    permits RowChange, FullRowChange, RowDelete, RowChanges, StatementChange, WalRecord {

  /** Bytes this change takes on the wire under the documented {@link SizeModel}. */
  int sizeBytes();
}
