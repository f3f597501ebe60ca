package dev.replsim.storage;

/**
 * A row image of logical replication: the key and its new value, as PostgreSQL's pgoutput or
 * MySQL's row-based binlog ship it. Deterministic, so every replica that applies it agrees.
 *
 * @param key the row's key
 * @param value the row's new value
 * @param valueBytes the modelled size of the value; values are short tags, so the workload's
 *     configured value size is carried here instead of being padded into the string
 */
public record RowChange(String key, String value, int valueBytes) implements Change {

  @Override
  public int sizeBytes() {
    return SizeModel.rowImageBytes(key, valueBytes);
  }
}
