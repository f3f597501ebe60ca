package dev.replsim.storage;

import java.util.List;

/**
 * What one statement did to the leader's pages, as physical WAL shipping sends it: bytes at
 * offsets of pages, or whole pages. A follower copies them into its own pages without looking at
 * rows, so its pages end byte for byte like the leader's, but only if it lays pages out the same
 * way: the record carries the leader's page format version and a follower of another version
 * refuses it.
 *
 * @param formatVersion the page format the bytes are in
 * @param writes the page writes, one per page changed, in page order
 * @param sizeBytes the modelled size (see {@link SizeModel}), computed once by the leader
 */
public record WalRecord(int formatVersion, List<PageWrite> writes, int sizeBytes) implements Change {

  public WalRecord {
    writes = List.copyOf(writes);
  }

  /** How many of its writes are full-page images. */
  public int fullPageImages() {
    int n = 0;
    for (PageWrite w : writes) {
      if (w.fullPageImage()) {
        n++;
      }
    }
    return n;
  }
}
