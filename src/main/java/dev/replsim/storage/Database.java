package dev.replsim.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * A node's replicated database: it executes statements (with the node's own clock and random
 * stream, so nondeterministic functions differ from node to node), applies the changes a leader
 * ships under each replication method, and digests its state so replicas can be compared without
 * shipping their contents. Subclasses decide how rows are stored: {@link KeyValueStore} as rows in
 * a hash map, {@link PageStore} in pages of bytes, which WAL shipping copies physically.
 */
public abstract sealed class Database permits KeyValueStore, PageStore {

  private final RandomSource random;

  protected Database(RandomSource random) {
    this.random = random;
  }

  /** The node's own stream, for RAND() and UUID(). */
  RandomSource random() {
    return random;
  }

  // ---- snapshots: a base backup of the whole database ----

  /** An empty database of the same kind, format and stream: where a reset follower starts again. */
  public abstract Database fresh();

  /** The whole database as of now, for a follower to be set up from (a base backup). */
  public DatabaseImage image() {
    java.util.Map<String, Row.Value> rows = new java.util.HashMap<>();
    forEachRow((key, row) -> rows.put(key, new Row.Value(row.value(), row.valueBytes())));
    return new DatabaseImage(rows, formatVersion(), java.util.List.of());
  }

  /**
   * Fills this (empty) database from an image. A page store of the image's page format takes the
   * pages' bytes as they are, so WAL followers stay byte-identical; any other database takes the
   * rows.
   */
  public void restore(DatabaseImage image) {
    image.rows().forEach(this::put);
  }

  // ---- storage, as each kind of database keeps rows ----

  /** The row with this key, or null if there is none. */
  public abstract Row get(String key);

  /** The value of a row, or null: a shorthand for reads, checks and tests. */
  public String value(String key) {
    Row row = get(key);
    return row == null ? null : row.value();
  }

  /** How many rows there are. */
  public abstract int size();

  /** The page format version this database writes and reads; see {@link PageFormat}. */
  public abstract int formatVersion();

  /** Sets a row and returns its before image (null if it is new). */
  abstract Row put(String key, Row row);

  /** Removes a row and returns its before image (null if there was none). */
  abstract Row remove(String key);

  /** Every row, in no particular order. */
  abstract void forEachRow(BiConsumer<String, Row> action);

  /** Applies a physical WAL record; only a {@link PageStore} can. */
  abstract void applyWal(WalRecord record);

  // ---- statements and shipped changes ----

  /**
   * Executes a statement as the node it runs on would: {@code NOW()} reads {@code nowMicros}, the
   * node's clock, and {@code RAND()} and {@code UUID()} draw from the node's own stream.
   *
   * @return the rows it changed, in key order (none for a DELETE of a missing row)
   */
  public List<RowEffect> execute(Statement statement, long nowMicros) {
    if (statement instanceof Statement.Assign) {
      Statement.Assign a = (Statement.Assign) statement;
      return List.of(write(a.key(), Row.of(a.value(), a.valueBytes())));
    } else if (statement instanceof Statement.AssignCall) {
      Statement.AssignCall c = (Statement.AssignCall) statement;
      return List.of(write(c.key(), evaluate(c.call(), nowMicros)));
    } else if (statement instanceof Statement.Increment) {
      Statement.Increment i = (Statement.Increment) statement;
      Row before = get(i.key());
      long value = (before == null ? 0 : asLong(before.value())) + i.by();
      return List.of(write(i.key(), Row.of(Long.toString(value), Long.BYTES)));
    } else if (statement instanceof Statement.Delete) {
      Statement.Delete d = (Statement.Delete) statement;
      Row before = remove(d.key());
      return before == null ? List.of() : List.of(new RowEffect(d.key(), before, null));
    }
    Statement.UpdatePrefix u = (Statement.UpdatePrefix) statement;
    List<RowEffect> effects = new ArrayList<>();
    for (String key : keysWithPrefix(u.prefix())) {
      effects.add(write(key, Row.of(u.value(), u.valueBytes())));
    }
    return effects;
  }

  /**
   * Applies a change shipped by the leader: re-executes a statement (with this node's clock and
   * stream), sets or deletes rows from their images, or copies WAL bytes into pages.
   */
  public void apply(Change change, long nowMicros) {
    if (change instanceof RowChange) {
      put(((RowChange) change).key(), (RowChange) change); // the image is the row
    } else if (change instanceof FullRowChange) {
      put(((FullRowChange) change).key(), (FullRowChange) change);
    } else if (change instanceof RowDelete) {
      remove(((RowDelete) change).key());
    } else if (change instanceof RowChanges) {
      for (Change row : ((RowChanges) change).rows()) {
        apply(row, nowMicros);
      }
    } else if (change instanceof StatementChange) {
      execute(((StatementChange) change).statement(), nowMicros);
    } else {
      applyWal((WalRecord) change);
    }
  }

  /**
   * Why this database cannot apply changes like this one, or null if it can. WAL is physical: a
   * database refuses WAL written in another page format, as a PostgreSQL standby refuses a
   * primary of another version. Statements and row images are logical and apply anywhere.
   */
  public String refusal(Change change) {
    if (change instanceof WalRecord) {
      int version = ((WalRecord) change).formatVersion();
      if (!(this instanceof PageStore)) {
        return "WAL records need a page store";
      }
      if (version != formatVersion()) {
        return "WAL of page format version " + version + " cannot be replayed on page format version "
            + formatVersion();
      }
    }
    return null;
  }

  // ---- digests and samples, for convergence checks ----

  /** A 64-bit digest of the whole state: equal states have equal digests, whatever the order of writes. */
  public long digest() {
    long[] sum = new long[1];
    forEachRow((key, row) -> sum[0] += RowDigest.of(key, row.value()));
    return sum[0];
  }

  /**
   * The digest of each of {@code buckets} buckets of rows, by key hash: two replicas whose digests
   * differ only need to compare the rows of the buckets that differ (like a one-level Merkle tree).
   */
  public long[] bucketDigests(int buckets) {
    long[] digests = new long[buckets];
    forEachRow((key, row) -> digests[RowDigest.bucket(key, buckets)] += RowDigest.of(key, row.value()));
    return digests;
  }

  /** Up to {@code limit} rows (key to value) from the given buckets, the smallest keys first. */
  public SortedMap<String, String> rowsIn(Set<Integer> which, int buckets, int limit) {
    TreeMap<String, String> rows = new TreeMap<>();
    forEachRow((key, row) -> {
      if (which.contains(RowDigest.bucket(key, buckets))) {
        rows.put(key, row.value());
        if (rows.size() > limit) {
          rows.pollLastEntry();
        }
      }
    });
    return rows;
  }

  // ---- helpers ----

  /** Sets a row and reports the change. */
  private RowEffect write(String key, Row after) {
    return new RowEffect(key, put(key, after), after);
  }

  /** The keys that start with {@code prefix}, sorted: a full scan, as an unindexed predicate needs. */
  List<String> keysWithPrefix(String prefix) {
    List<String> keys = new ArrayList<>();
    forEachRow((key, row) -> {
      if (key.startsWith(prefix)) {
        keys.add(key);
      }
    });
    keys.sort(null);
    return keys;
  }

  /** What a nondeterministic function yields on this node, now. */
  Row evaluate(Statement.Call call, long nowMicros) {
    String value;
    switch (call) {
      case NOW:
        value = Long.toString(nowMicros);
        break;
      case RAND:
        value = Double.toString((random.nextLong() >>> 11) * 0x1.0p-53);
        break;
      default:
        long msb = (random.nextLong() & ~0xf000L) | 0x4000L; // version 4
        long lsb = (random.nextLong() & ~(0xc0L << 56)) | (0x80L << 56); // IETF variant
        value = new UUID(msb, lsb).toString();
        break;
    }
    return Row.of(value, call.valueBytes());
  }

  private static long asLong(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0; // INCR of a non-integer value starts from 0
    }
  }
}
