package dev.replsim.protocol;

import dev.replsim.storage.ChangeCapture;
import dev.replsim.storage.Database;
import dev.replsim.storage.KeyValueStore;
import dev.replsim.storage.MixedCapture;
import dev.replsim.storage.PageStore;
import dev.replsim.storage.RandomSource;
import dev.replsim.storage.RowCapture;
import dev.replsim.storage.RowImage;
import dev.replsim.storage.StatementCapture;
import dev.replsim.storage.WalCapture;

/** How the leader ships changes to followers: the trade-offs MySQL and PostgreSQL users choose between. */
public enum ReplicationMethod {
  /** The statement text; followers execute it again, so nondeterministic functions diverge. */
  STATEMENT,
  /** Physical page writes; replicas are byte-identical, if their page format is the leader's. */
  WAL,
  /** Row images: key and new value (and old value if configured); deterministic on every replica. */
  LOGICAL,
  /** Statements, except nondeterministic ones, which go as row images (MySQL's MIXED). */
  MIXED;

  /** Whether nodes keep their rows in pages: only WAL ships them. */
  public boolean needsPages() {
    return this == WAL;
  }

  /**
   * A node's database for this method: rows in pages for {@link #WAL}, which ships pages, rows in
   * a map for the others, which only ship rows or statements.
   *
   * @param formatVersion the node's page format version
   * @param keys how many keys the workload writes, which sizes the pages
   * @param random the node's own stream, for RAND() and UUID()
   */
  public Database database(int formatVersion, int keys, RandomSource random) {
    return database(needsPages(), formatVersion, keys, random);
  }

  /**
   * A node's database: rows in pages when {@code pages} (a run that ships WAL at some point: every
   * method captures and applies over pages too), else rows in a map.
   */
  public static Database database(boolean pages, int formatVersion, int keys, RandomSource random) {
    return pages
        ? new PageStore(formatVersion, PageStore.pagesFor(keys), random)
        : new KeyValueStore(formatVersion, random);
  }

  /**
   * How a leader under this method turns statements into changes.
   *
   * @param database the leader's database; a {@link PageStore} for {@link #WAL}
   * @param image what row images carry, for {@link #LOGICAL} and {@link #MIXED}
   * @param checkpointIntervalMicros for {@link #WAL}: how often full-page images start again
   */
  public ChangeCapture capture(Database database, RowImage image, long checkpointIntervalMicros) {
    switch (this) {
      case STATEMENT:
        return new StatementCapture(database);
      case WAL:
        if (!(database instanceof PageStore)) {
          throw new IllegalArgumentException("WAL shipping needs a PageStore, got " + database.getClass().getSimpleName());
        }
        return new WalCapture((PageStore) database, checkpointIntervalMicros);
      case MIXED:
        return new MixedCapture(database, image);
      default:
        return new RowCapture(database, image);
    }
  }
}
