package dev.replsim.storage;

/**
 * A row's value as a database holds it: the value and its modelled size in bytes. Values are short
 * tags ({@code c1-42}) standing for {@code valueBytes} bytes, so sizes on the wire follow the
 * workload's configured value size without padding every value in memory.
 *
 * <p>A row image is a row: a database that applies a {@link RowChange} (or the after image of a
 * {@link FullRowChange}) keeps the image itself as the row, so the hot path of logical replication
 * allocates nothing to store it. Compare rows with {@link #same}, which looks only at the value
 * and its size, whatever kind of row holds them.
 */
public sealed interface Row permits Row.Value, RowChange, FullRowChange {

  String value();

  int valueBytes();

  /** A row of this value, modelled as {@code valueBytes} bytes. */
  static Row of(String value, int valueBytes) {
    return new Value(value, valueBytes);
  }

  /** Whether two rows (either may be null) hold the same value of the same size. */
  static boolean same(Row a, Row b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.valueBytes() == b.valueBytes() && a.value().equals(b.value());
  }

  /** A row that is not a row image: what statements compute and pages decode to. */
  record Value(String value, int valueBytes) implements Row {}
}
