package dev.replsim.storage;

import dev.replsim.clock.Periodic;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Physical WAL shipping (PostgreSQL's streaming replication): the leader ships what a statement
 * did to its pages, as bytes at offsets, and the first change to a page after each checkpoint as
 * a full-page image. Followers replay the bytes and end byte-identical to the leader, provided
 * their page format version is the leader's.
 */
public final class WalCapture implements ChangeCapture {

  private final PageStore pages;
  private final long checkpointIntervalMicros;
  /** Per page, the checkpoint after which it was last logged whole. */
  private final long[] imagedAt;
  private long checkpoint;
  private long nextCheckpointAt = Long.MIN_VALUE;

  /**
   * @param checkpointIntervalMicros how often, on the leader's clock, a checkpoint starts a new
   *     round of full-page images; the first is taken at the first write
   */
  public WalCapture(PageStore pages, long checkpointIntervalMicros) {
    if (checkpointIntervalMicros < 1) {
      throw new IllegalArgumentException("checkpoint interval must be positive: " + checkpointIntervalMicros);
    }
    this.pages = pages;
    this.checkpointIntervalMicros = checkpointIntervalMicros;
    this.imagedAt = new long[pages.pageCount()];
  }

  @Override
  public Change capture(Statement statement, long nowMicros, BeforeImages before) {
    if (nowMicros >= nextCheckpointAt) {
      checkpoint++;
      // every interval after the one before was due, not after the write that found it due
      nextCheckpointAt = Periodic.next(checkpoint == 1 ? nowMicros : nextCheckpointAt, checkpointIntervalMicros,
          nowMicros);
    }
    List<RowEffect> effects = pages.execute(statement, nowMicros);
    BeforeImages.report(effects, before);
    TreeMap<Integer, List<RowEffect>> byPage = new TreeMap<>();
    for (RowEffect e : effects) {
      byPage.computeIfAbsent(pages.pageOf(e.key()), p -> new ArrayList<>(1)).add(e);
    }
    List<PageWrite> writes = new ArrayList<>(byPage.size());
    int bytes = 0;
    for (var page : byPage.entrySet()) {
      int id = page.getKey();
      boolean whole = imagedAt[id] != checkpoint;
      imagedAt[id] = checkpoint;
      writes.add(pages.logPage(id, whole));
      if (whole) {
        bytes += SizeModel.fullPageImageBytes(pages.rowsOn(id));
      }
      for (RowEffect e : page.getValue()) {
        bytes += SizeModel.walRowBytes(e.key(), e.after(), whole);
      }
    }
    return new WalRecord(pages.formatVersion(), writes, bytes);
  }

  /** How many checkpoints have started; the first write starts the first. */
  public long checkpoints() {
    return checkpoint;
  }

  @Override
  public Database database() {
    return pages;
  }
}
