package dev.replsim.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a page lays out its rows in bytes, by format version. Version 1 writes a 3-byte header and,
 * per row, the key before the value in big-endian lengths; version 2 a 6-byte header and, per row,
 * the value before the key in little-endian lengths. The same rows make different bytes, which is
 * why WAL from one version cannot be replayed on the other while row images apply to either.
 * Rows keep their insertion order, so a changed row rewrites only its own bytes.
 */
public final class PageFormat {

  public static final int V1 = 1;
  public static final int V2 = 2;

  private PageFormat() {}

  /** Whether this version has a layout. */
  public static boolean supports(int version) {
    return version == V1 || version == V2;
  }

  static byte[] encode(int version, Map<String, Row> rows) {
    int size = version == V1 ? 3 : 6;
    for (Map.Entry<String, Row> e : rows.entrySet()) {
      size += (version == V1 ? 8 : 10) + SizeModel.utf8Length(e.getKey())
          + SizeModel.utf8Length(e.getValue().value());
    }
    ByteBuffer page = ByteBuffer.allocate(size);
    page.put((byte) version);
    if (version == V1) {
      page.putShort((short) rows.size());
    } else {
      page.put((byte) 0).order(ByteOrder.LITTLE_ENDIAN).putInt(rows.size());
    }
    for (Map.Entry<String, Row> e : rows.entrySet()) {
      String key = e.getKey();
      String value = e.getValue().value();
      if (version == V1) {
        page.putShort((short) SizeModel.utf8Length(key));
        put(page, key);
        page.putShort((short) SizeModel.utf8Length(value));
        put(page, value);
        page.putInt(e.getValue().valueBytes());
      } else {
        page.putInt(e.getValue().valueBytes()).putInt(SizeModel.utf8Length(value));
        put(page, value);
        page.putShort((short) SizeModel.utf8Length(key));
        put(page, key);
      }
    }
    return page.array();
  }

  /** A string's UTF-8 bytes; ASCII, the usual case, without encoding into a new array first. */
  private static void put(ByteBuffer page, String s) {
    if (SizeModel.utf8Length(s) != s.length()) {
      page.put(s.getBytes(StandardCharsets.UTF_8));
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      page.put((byte) s.charAt(i));
    }
  }

  /** The rows of a page, in their order on it. */
  static LinkedHashMap<String, Row> decode(byte[] bytes) {
    ByteBuffer page = ByteBuffer.wrap(bytes);
    int version = page.get();
    int count;
    if (version == V1) {
      count = page.getShort() & 0xffff;
    } else {
      page.get();
      count = page.order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
    LinkedHashMap<String, Row> rows = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      if (version == V1) {
        String key = string(page, page.getShort() & 0xffff);
        String value = string(page, page.getShort() & 0xffff);
        rows.put(key, Row.of(value, page.getInt()));
      } else {
        int valueBytes = page.getInt();
        String value = string(page, page.getInt());
        String key = string(page, page.getShort() & 0xffff);
        rows.put(key, Row.of(value, valueBytes));
      }
    }
    return rows;
  }

  private static String string(ByteBuffer page, int length) {
    String s = new String(page.array(), page.position(), length, StandardCharsets.UTF_8);
    page.position(page.position() + length);
    return s;
  }
}
