package dev.replsim.storage;

import java.util.Map;

/**
 * Bytes on the wire, per replication method and message, so that bandwidth queueing and byte lag
 * come out the same in every driver. The figures follow the shape of the real formats (MySQL's
 * query events, PostgreSQL's logical replication messages and WAL records) rather than any exact
 * encoding; the README's size-model section documents them. Values are counted at their modelled
 * size ({@code workload.value-size}), not at the length of the short tags that stand for them.
 */
public final class SizeModel {

  /** A row image: message type, relation id, tuple header and per-column lengths. */
  public static final int ROW_IMAGE_HEADER_BYTES = 24;
  /** The before image of a full row image: its marker, column count and column lengths. */
  public static final int BEFORE_IMAGE_HEADER_BYTES = 8;
  /** A statement: MySQL's event header (19) and query-event header (13). */
  public static final int STATEMENT_HEADER_BYTES = 32;
  /** A WAL record's header (PostgreSQL's XLogRecord). */
  public static final int WAL_RECORD_HEADER_BYTES = 24;
  /** A WAL record's reference to the page it changes: relation, block number, flags. */
  public static final int WAL_BLOCK_HEADER_BYTES = 20;
  /** The header of a full-page image in a WAL record: its length and where its hole is. */
  public static final int WAL_IMAGE_HEADER_BYTES = 5;
  /** A heap tuple's header, on a page and in a WAL record. */
  public static final int TUPLE_HEADER_BYTES = 24;
  /** What a delete logs besides its headers: the tuple's position and flags. */
  public static final int WAL_DELETE_BYTES = 8;
  /** A page's header. */
  public static final int PAGE_HEADER_BYTES = 24;
  /** A page's pointer to one of its tuples. */
  public static final int LINE_POINTER_BYTES = 4;
  /** An entry's own framing: term, LSN and append timestamp. */
  public static final int ENTRY_HEADER_BYTES = 24;
  /** A replication message's framing: type, term, sender and positions. */
  public static final int MESSAGE_HEADER_BYTES = 32;

  private SizeModel() {}

  /** A row's after image: header, key, value. */
  public static int rowImageBytes(String key, int valueBytes) {
    return ROW_IMAGE_HEADER_BYTES + utf8Length(key) + valueBytes;
  }

  /** The before image of a full row image (the whole old row); nothing when there is none. */
  public static int beforeImageBytes(String key, String oldValue, int oldValueBytes) {
    return oldValue == null ? 0 : BEFORE_IMAGE_HEADER_BYTES + utf8Length(key) + oldValueBytes;
  }

  /**
   * A statement's text with its header; a literal {@code value} in it counts at its modelled
   * size, {@code valueBytes}.
   */
  public static int statementBytes(String text, String value, int valueBytes) {
    return STATEMENT_HEADER_BYTES + utf8Length(text) - utf8Length(value) + valueBytes;
  }

  /** A tuple as a WAL record carries it and a page stores it, without its line pointer. */
  static int tupleBytes(String key, Row row) {
    return TUPLE_HEADER_BYTES + utf8Length(key) + row.valueBytes();
  }

  /**
   * The WAL record of one changed row, as PostgreSQL writes one per heap tuple: its headers, and
   * the new tuple (or a delete's few bytes), unless its page is logged whole in the same record.
   *
   * @param after the row's after image, null for a delete
   */
  static int walRowBytes(String key, Row after, boolean pageLoggedWhole) {
    int bytes = WAL_RECORD_HEADER_BYTES + WAL_BLOCK_HEADER_BYTES;
    if (!pageLoggedWhole) {
      bytes += after == null ? WAL_DELETE_BYTES : tupleBytes(key, after);
    }
    return bytes;
  }

  /**
   * A full-page image: its header and the page's used bytes (header, line pointers, tuples); the
   * free space in between is left out, as PostgreSQL leaves out a page's "hole".
   */
  static int fullPageImageBytes(Map<String, Row> rows) {
    int bytes = WAL_IMAGE_HEADER_BYTES + PAGE_HEADER_BYTES;
    for (Map.Entry<String, Row> e : rows.entrySet()) {
      bytes += LINE_POINTER_BYTES + tupleBytes(e.getKey(), e.getValue());
    }
    return bytes;
  }

  /** UTF-8 length without encoding; keys are ASCII in practice, so this is their length. */
  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }
}
