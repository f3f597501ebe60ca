package dev.replsim.storage;

import java.util.List;
import java.util.Map;

/**
 * A whole database at one moment, as a snapshot ships it: every row, and for a page store the
 * bytes of its pages in page order (empty otherwise), so that a WAL follower set up from it is
 * byte-identical to its leader.
 *
 * @param formatVersion the page format the pages are written in
 */
public record DatabaseImage(Map<String, Row.Value> rows, int formatVersion, List<byte[]> pages) {

  public DatabaseImage {
    rows = Map.copyOf(rows);
    pages = List.copyOf(pages);
  }

  /** Bytes on the wire: every row as a row image, or the pages when there are pages. */
  public int sizeBytes() {
    if (!pages.isEmpty()) {
      int bytes = 0;
      for (byte[] page : pages) {
        bytes += page.length;
      }
      return bytes;
    }
    int bytes = 0;
    for (Map.Entry<String, Row.Value> row : rows.entrySet()) {
      bytes += SizeModel.rowImageBytes(row.getKey(), row.getValue().valueBytes());
    }
    return bytes;
  }
}
