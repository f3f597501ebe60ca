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
      size += (version == V1 ? 8 : 10) + utf8(e.getKey()).length + utf8(e.getValue().value()).length;
    }
    ByteBuffer page = ByteBuffer.allocate(size);
    page.put((byte) version);
    if (version == V1) {
      page.putShort((short) rows.size());
    } else {
      page.put((byte) 0).order(ByteOrder.LITTLE_ENDIAN).putInt(rows.size());
    }
    for (Map.Entry<String, Row> e : rows.entrySet()) {
      byte[] key = utf8(e.getKey());
      byte[] value = utf8(e.getValue().value());
      if (version == V1) {
        page.putShort((short) key.length).put(key).putShort((short) value.length).put(value)
            .putInt(e.getValue().valueBytes());
      } else {
        page.putInt(e.getValue().valueBytes()).putInt(value.length).put(value)
            .putShort((short) key.length).put(key);
      }
    }
    return page.array();
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

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String string(ByteBuffer page, int length) {
    String s = new String(page.array(), page.position(), length, StandardCharsets.UTF_8);
    page.position(page.position() + length);
    return s;
  }
}
