package dev.replsim.storage;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The replicated database as rows in a hash map, for every method but WAL shipping: statements
 * and row images are logical, so how rows are laid out does not matter to them. Applying a row
 * image is one map update, which keeps the hot path of logical replication cheap. Its digest is
 * computed when asked for (at the end of a run).
 */
public final class KeyValueStore extends Database {

  private final Map<String, Row> rows = new HashMap<>();
  private final int formatVersion;

  /** A store that never evaluates RAND() or UUID(), for nodes that only apply row images. */
  public KeyValueStore() {
    this(PageFormat.V1, RandomSource.NONE);
  }

  /**
   * @param formatVersion the node's storage format version: kept for reports; rows in a map have
   *     no physical layout, which is why logical replication works across versions
   * @param random the node's own stream, for RAND() and UUID()
   */
  public KeyValueStore(int formatVersion, RandomSource random) {
    super(random);
    this.formatVersion = formatVersion;
  }

  @Override
  public Row get(String key) {
    return rows.get(key);
  }

  @Override
  public int size() {
    return rows.size();
  }

  @Override
  public int formatVersion() {
    return formatVersion;
  }

  @Override
  Row put(String key, Row row) {
    return rows.put(key, row);
  }

  @Override
  Row remove(String key) {
    return rows.remove(key);
  }

  @Override
  void forEachRow(BiConsumer<String, Row> action) {
    rows.forEach(action);
  }

  @Override
  void applyWal(WalRecord record) {
    throw new IllegalStateException(refusal(record));
  }

  @Override
  public Database fresh() {
    return new KeyValueStore(formatVersion, random());
  }
}
