package dev.replsim.storage;

/**
 * A deleted row as row-based replication ships it: the key, and the old value when full row images
 * are configured (null otherwise).
 */
public record RowDelete(String key, String oldValue, int oldValueBytes) implements Change {

  @Override
  public int sizeBytes() {
    return SizeModel.ROW_IMAGE_HEADER_BYTES + SizeModel.utf8Length(key)
        + SizeModel.beforeImageBytes(key, oldValue, oldValueBytes);
  }
}
