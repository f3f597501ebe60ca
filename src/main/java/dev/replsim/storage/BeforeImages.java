package dev.replsim.storage;

/**
 * Hears the rows a statement changed, as they were before it, while the leader captures the
 * statement: the leader keeps them to hide the write from readers until it is visible, without
 * looking the rows up a second time.
 */
@FunctionalInterface
public interface BeforeImages {

  /** The row at {@code key} before the statement; null if there was none. */
  void before(String key, Row row);

  /** For callers that do not need the before images. */
  BeforeImages IGNORE = (key, row) -> {};

  /** Reports the before image of each changed row. */
  static void report(Iterable<RowEffect> effects, BeforeImages before) {
    for (RowEffect e : effects) {
      before.before(e.key(), e.before());
    }
  }
}
