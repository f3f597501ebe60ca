package dev.replsim.storage;

/**
 * Bytes on the wire, per replication method and message, so that bandwidth queueing and byte
 * lag come out the same in every driver. The figures follow the shape of PostgreSQL's logical
 * replication protocol (a small message header plus the tuple data) rather than any exact
 * encoding; they are documented in the README's output reference.
 */
public final class SizeModel {

  /** A row image: message type, relation id, tuple header and per-column lengths. */
  public static final int ROW_IMAGE_HEADER_BYTES = 24;
  /** An entry's own framing: term, LSN and append timestamp. */
  public static final int ENTRY_HEADER_BYTES = 24;
  /** A replication message's framing: type, term, sender and positions. */
  public static final int MESSAGE_HEADER_BYTES = 32;

  private SizeModel() {}

  public static int rowImageBytes(String key, int valueBytes) {
    return ROW_IMAGE_HEADER_BYTES + utf8Length(key) + valueBytes;
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
