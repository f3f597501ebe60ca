package dev.replsim.storage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The replicated database as pages of bytes, for WAL shipping. Each key belongs to one page (by
 * hash); a page holds its rows in the bytes of its {@link PageFormat} version. On the leader,
 * statements change rows and {@link #logPage} turns a changed page into the physical write that
 * WAL ships; on a follower, {@link #applyWal} copies those bytes in without interpreting them, and
 * rows are decoded from the bytes only when read.
 */
public final class PageStore extends Database {

  /** Rows per page on average: about what an 8 KiB PostgreSQL heap page holds of 64-byte values. */
  public static final int ROWS_PER_PAGE = 64;

  private final int formatVersion;
  private final Page[] pages;

  /** One page: its bytes, and its rows decoded (or changed but not yet encoded). */
  private static final class Page {
    byte[] bytes;
    LinkedHashMap<String, Row> rows = new LinkedHashMap<>();
    /** The bytes are newer than the rows (a follower applied WAL). */
    boolean rowsStale;
  }

  /**
   * @param formatVersion the node's page format version, {@link PageFormat#V1} or {@link PageFormat#V2}
   * @param pageCount how many pages the keys are spread over; the same on every node
   * @param random the node's own stream, for RAND() and UUID()
   */
  public PageStore(int formatVersion, int pageCount, RandomSource random) {
    super(random);
    if (!PageFormat.supports(formatVersion) || pageCount < 1) {
      throw new IllegalArgumentException(
          "need page format 1 or 2 and at least one page, got " + formatVersion + " and " + pageCount);
    }
    this.formatVersion = formatVersion;
    this.pages = new Page[pageCount];
    for (int i = 0; i < pageCount; i++) {
      pages[i] = new Page();
      pages[i].bytes = PageFormat.encode(formatVersion, Map.of());
    }
  }

  /** How many pages {@code keys} keys need at {@link #ROWS_PER_PAGE} rows a page. */
  public static int pagesFor(int keys) {
    return Math.max(1, (keys + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
  }

  public int pageCount() {
    return pages.length;
  }

  /** The page a key lives on. */
  public int pageOf(String key) {
    return RowDigest.bucket(key, pages.length);
  }

  /** A copy of a page's bytes. */
  public byte[] pageBytes(int pageId) {
    return pages[pageId].bytes.clone();
  }

  /** A digest of every page's bytes, in page order: equal only for byte-identical stores. */
  public long physicalDigest() {
    long digest = 0;
    for (int i = 0; i < pages.length; i++) {
      digest = RowDigest.mix(digest * 31 + Arrays.hashCode(pages[i].bytes) + i);
    }
    return digest;
  }

  /**
   * Encodes a page whose rows changed and returns the write that turns its old bytes into the
   * new: the whole page for a full-page image, else only the bytes that differ.
   */
  PageWrite logPage(int pageId, boolean fullPageImage) {
    Page page = pages[pageId];
    byte[] after = PageFormat.encode(formatVersion, page.rows);
    PageWrite write = fullPageImage ? PageWrite.image(pageId, after) : PageWrite.between(pageId, page.bytes, after);
    page.bytes = after;
    return write;
  }

  /** The rows of a page, as {@link SizeModel#fullPageImageBytes} sizes its image. */
  Map<String, Row> rowsOn(int pageId) {
    return rows(pages[pageId]);
  }

  @Override
  public Database fresh() {
    return new PageStore(formatVersion, pages.length, random());
  }

  @Override
  public DatabaseImage image() {
    java.util.List<byte[]> bytes = new java.util.ArrayList<>();
    for (Page page : pages) {
      bytes.add(page.bytes.clone());
    }
    DatabaseImage logical = super.image();
    return new DatabaseImage(logical.rows(), formatVersion, bytes);
  }

  @Override
  public void restore(DatabaseImage image) {
    if (image.formatVersion() != formatVersion || image.pages().size() != pages.length) {
      super.restore(image);
      for (int i = 0; i < pages.length; i++) {
        logPage(i, true); // encode the rows in this node's own format
      }
      return;
    }
    for (int i = 0; i < pages.length; i++) {
      pages[i].bytes = image.pages().get(i).clone();
      pages[i].rowsStale = true;
    }
  }

  @Override
  public Row get(String key) {
    return rows(pages[pageOf(key)]).get(key);
  }

  @Override
  public int size() {
    int n = 0;
    for (Page page : pages) {
      n += rows(page).size();
    }
    return n;
  }

  @Override
  public int formatVersion() {
    return formatVersion;
  }

  @Override
  Row put(String key, Row row) {
    return rows(pages[pageOf(key)]).put(key, row);
  }

  @Override
  Row remove(String key) {
    return rows(pages[pageOf(key)]).remove(key);
  }

  @Override
  void forEachRow(BiConsumer<String, Row> action) {
    for (Page page : pages) {
      rows(page).forEach(action);
    }
  }

  @Override
  void applyWal(WalRecord record) {
    String refusal = refusal(record);
    if (refusal != null) {
      throw new IllegalStateException(refusal);
    }
    for (PageWrite w : record.writes()) {
      Page page = pages[w.pageId()];
      page.bytes = w.applyTo(page.bytes);
      page.rowsStale = true;
    }
  }

  /** A page's rows, decoded from its bytes if a WAL record changed them since. */
  private LinkedHashMap<String, Row> rows(Page page) {
    if (page.rowsStale) {
      page.rows = PageFormat.decode(page.bytes);
      page.rowsStale = false;
    }
    return page.rows;
  }
}
