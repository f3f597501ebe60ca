package dev.replsim.storage;

/**
 * A row's after image as logical replication ships it by default: the key and its new value, as
 * PostgreSQL's pgoutput or MySQL's row-based binlog with {@code binlog_row_image = MINIMAL} ship it.
 * Deterministic, so every replica that applies it agrees. The hot record of the default method; a
 * database that applies it keeps it as the row.
 *
 * @param key the row's key
 * @param value the row's new value
 * @param valueBytes the modelled size of the value; values are short tags, so the workload's
 *     configured value size is carried here instead of being padded into the string
 */
public record RowChange(String key, String value, int valueBytes) implements Change, Row {

  @Override
  public int sizeBytes() {
    return SizeModel.rowImageBytes(key, valueBytes);
  }
}
