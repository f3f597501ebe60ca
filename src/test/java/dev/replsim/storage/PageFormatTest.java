package dev.replsim.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page formats: each reads back what it wrote, and they write the same rows differently. */
class PageFormatTest {

  private static LinkedHashMap<String, Row> rows() {
    LinkedHashMap<String, Row> rows = new LinkedHashMap<>();
    rows.put("k2", Row.of("b", 64));
    rows.put("k1", Row.of("é", 8));
    return rows;
  }

  @Test
  void eachVersionReadsBackItsRowsInTheirOrder() {
    for (int version : List.of(PageFormat.V1, PageFormat.V2)) {
      LinkedHashMap<String, Row> decoded = PageFormat.decode(PageFormat.encode(version, rows()));
      assertEquals(rows(), decoded);
      assertEquals(List.of("k2", "k1"), List.copyOf(decoded.keySet()));
    }
  }

  @Test
  void theVersionsLayOutTheSameRowsInDifferentBytes() {
    byte[] v1 = PageFormat.encode(PageFormat.V1, rows());
    byte[] v2 = PageFormat.encode(PageFormat.V2, rows());
    assertFalse(Arrays.equals(v1, v2));
    assertEquals(1, v1[0]);
    assertEquals(2, v2[0]);
  }
}
