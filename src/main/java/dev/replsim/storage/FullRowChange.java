package dev.replsim.storage;

/**
 * A row's before and after image, as MySQL ships rows with {@code binlog_row_image = FULL} and
 * PostgreSQL with {@code REPLICA IDENTITY FULL}: the old value lets a consumer see what changed (and
 * a replica detect a conflict), at the price of more bytes than the after image alone.
 *
 * @param oldValue the value before, or null when the row is new
 * @param oldValueBytes its modelled size; 0 when the row is new
 */
public record FullRowChange(String key, String oldValue, int oldValueBytes, String value, int valueBytes)
    implements Change, Row {

  @Override
  public int sizeBytes() {
    return SizeModel.rowImageBytes(key, valueBytes) + SizeModel.beforeImageBytes(key, oldValue, oldValueBytes);
  }
}
