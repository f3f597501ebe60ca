package dev.replsim.node;

import dev.replsim.protocol.Entry;
import dev.replsim.protocol.Recovery;
import dev.replsim.storage.DatabaseImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a node's journal holds, as its events build it: the last snapshot, the entries after it,
 * and the hard state. Immutable, so Pekko can save it as a snapshot while the journal goes on;
 * entries are kept as a chain of the batches appended (newest first), so an append costs no copy
 * and only a snapshot or a rewind (rare) flattens the chain.
 */
public final class JournalState {

  /** A batch of entries appended together, and the batches before it. */
  private record Batch(List<Entry> entries, Batch older) {}

  /** The form Pekko's snapshot store keeps: flat, with the entries in LSN order. */
  record Saved(long snapshotLsn, DatabaseImage image, List<Long> history, List<Entry> entries, long term,
      String votedFor) implements CborSerializable {}

  public static final JournalState EMPTY = new JournalState(0, null, List.of(), null, 0, 0, null);

  private final long snapshotLsn;
  private final DatabaseImage image;
  private final List<Long> history;
  private final Batch tail;
  private final long lastLsn;
  private final long term;
  private final String votedFor;

  private JournalState(long snapshotLsn, DatabaseImage image, List<Long> history, Batch tail, long lastLsn,
      long term, String votedFor) {
    this.snapshotLsn = snapshotLsn;
    this.image = image;
    this.history = history;
    this.tail = tail;
    this.lastLsn = lastLsn;
    this.term = term;
    this.votedFor = votedFor;
  }

  public long lastLsn() {
    return lastLsn;
  }

  long snapshotLsn() {
    return snapshotLsn;
  }

  public JournalState apply(JournalEvent event) {
    if (event instanceof JournalEvent.EntriesAppended) {
      List<Entry> entries = ((JournalEvent.EntriesAppended) event).entries();
      if (entries.isEmpty()) {
        return this;
      }
      long last = entries.get(entries.size() - 1).lsn();
      return new JournalState(snapshotLsn, image, history, new Batch(entries, tail), last, term, votedFor);
    }
    if (event instanceof JournalEvent.LogRewound) {
      long at = ((JournalEvent.LogRewound) event).lsn();
      List<Entry> kept = new ArrayList<>();
      for (Entry e : entries()) {
        if (e.lsn() <= at) {
          kept.add(e);
        }
      }
      return new JournalState(snapshotLsn, image, history, batchOf(kept), Math.min(lastLsn, at), term, votedFor);
    }
    if (event instanceof JournalEvent.SnapshotTaken) {
      JournalEvent.SnapshotTaken s = (JournalEvent.SnapshotTaken) event;
      List<Entry> kept = new ArrayList<>();
      if (!s.replacesLog()) {
        for (Entry e : entries()) {
          if (e.lsn() > s.lsn()) {
            kept.add(e);
          }
        }
      }
      long last = kept.isEmpty() ? s.lsn() : kept.get(kept.size() - 1).lsn();
      return new JournalState(s.lsn(), s.image(), s.history(), batchOf(kept), last, term, votedFor);
    }
    JournalEvent.VoteCast v = (JournalEvent.VoteCast) event;
    if (v.term() < term) {
      return this;
    }
    return new JournalState(snapshotLsn, image, history, tail, lastLsn, v.term(), v.candidate());
  }

  private static Batch batchOf(List<Entry> entries) {
    return entries.isEmpty() ? null : new Batch(List.copyOf(entries), null);
  }

  /** The entries after the snapshot, in LSN order. */
  List<Entry> entries() {
    List<List<Entry>> batches = new ArrayList<>();
    for (Batch b = tail; b != null; b = b.older()) {
      batches.add(b.entries());
    }
    Collections.reverse(batches);
    List<Entry> all = new ArrayList<>();
    batches.forEach(all::addAll);
    return all;
  }

  public Recovery recovery() {
    return new Recovery(snapshotLsn, image, history, entries(), term, votedFor);
  }

  Saved save() {
    return new Saved(snapshotLsn, image, history, entries(), term, votedFor);
  }

  static JournalState restore(Saved saved) {
    long last = saved.snapshotLsn() + saved.entries().size();
    return new JournalState(saved.snapshotLsn(), saved.image(), saved.history(), batchOf(saved.entries()), last,
        saved.term(), saved.votedFor());
  }
}
