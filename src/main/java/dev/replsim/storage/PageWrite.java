package dev.replsim.storage;

import java.util.Arrays;

/**
 * One physical change to one page: replace {@code replacedLength} bytes at {@code offset} with
 * {@code bytes}. A full-page image replaces the whole page, as PostgreSQL logs a page whole the
 * first time it changes after a checkpoint (so that a torn write can be repaired on replay).
 *
 * @param pageId the page
 * @param offset where the change starts
 * @param replacedLength how many bytes of the old page it replaces (0 for a full-page image,
 *     which replaces everything)
 * @param bytes the new bytes
 * @param fullPageImage whether this is the whole page
 */
public record PageWrite(int pageId, int offset, int replacedLength, byte[] bytes, boolean fullPageImage) {

  /** The page after this write: {@code page} itself, changed in place, when its length stays. */
  byte[] applyTo(byte[] page) {
    if (fullPageImage) {
      return bytes.clone();
    }
    if (bytes.length == replacedLength) {
      System.arraycopy(bytes, 0, page, offset, bytes.length);
      return page;
    }
    int tail = page.length - offset - replacedLength;
    byte[] result = new byte[offset + bytes.length + tail];
    System.arraycopy(page, 0, result, 0, offset);
    System.arraycopy(bytes, 0, result, offset, bytes.length);
    System.arraycopy(page, offset + replacedLength, result, offset + bytes.length, tail);
    return result;
  }

  /** The smallest write that turns {@code before} into {@code after}: their common ends are kept. */
  static PageWrite between(int pageId, byte[] before, byte[] after) {
    int prefix = 0;
    int shorter = Math.min(before.length, after.length);
    while (prefix < shorter && before[prefix] == after[prefix]) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < shorter - prefix
        && before[before.length - 1 - suffix] == after[after.length - 1 - suffix]) {
      suffix++;
    }
    byte[] bytes = Arrays.copyOfRange(after, prefix, after.length - suffix);
    return new PageWrite(pageId, prefix, before.length - prefix - suffix, bytes, false);
  }

  static PageWrite image(int pageId, byte[] page) {
    return new PageWrite(pageId, 0, 0, page.clone(), true);
  }

  // a record compares arrays by identity; pages are compared by content

  @Override
  public boolean equals(Object o) {
    return o instanceof PageWrite
        && ((PageWrite) o).pageId == pageId
        && ((PageWrite) o).offset == offset
        && ((PageWrite) o).replacedLength == replacedLength
        && ((PageWrite) o).fullPageImage == fullPageImage
        && Arrays.equals(((PageWrite) o).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * pageId + offset) + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "PageWrite[page " + pageId + (fullPageImage ? ", full image of " + bytes.length + " bytes]"
        : ", " + replacedLength + " bytes at " + offset + " replaced by " + bytes.length + "]");
  }
}
