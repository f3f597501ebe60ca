package dev.replsim.storage;

import java.util.HashMap;
import java.util.Map;

/**
 * The replicated database of one node: a key-value map that changes are applied to, and an
 * order-independent digest of its state, so replicas can be compared without shipping their
 * contents. The digest is computed when asked for (at the end of a run), which keeps every apply
 * down to one map update.
 */
public final class KeyValueStore {

  private final Map<String, String> rows = new HashMap<>();

  /** Applies one change; for logical replication that sets the row to its new value. */
  public void apply(Change change) {
    RowChange row = (RowChange) change;
    put(row.key(), row.value());
  }

  /** A copy of every row, for a snapshot. */
  public Map<String, String> rows() {
    return new HashMap<>(rows);
  }

  /** A store holding exactly these rows: a replica set up from a snapshot. */
  public static KeyValueStore of(Map<String, String> rows) {
    KeyValueStore store = new KeyValueStore();
    store.rows.putAll(rows);
    return store;
  }

  public String get(String key) {
    return rows.get(key);
  }

  public int size() {
    return rows.size();
  }

  /** A 64-bit digest of the whole state: equal states have equal digests, whatever the apply order. */
  public long digest() {
    long digest = 0;
    for (Map.Entry<String, String> row : rows.entrySet()) {
      digest += rowHash(row.getKey(), row.getValue());
    }
    return digest;
  }

  private void put(String key, String value) {
    rows.put(key, value);
  }

  private static long rowHash(String key, String value) {
    long h = 0x9e3779b97f4a7c15L;
    h = mix(h ^ key.hashCode());
    h = mix(h ^ ((long) value.hashCode() << 32 | key.length()));
    return mix(h ^ value.length());
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
