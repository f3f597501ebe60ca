package dev.replsim.node;

import dev.replsim.protocol.Checkpoint;
import dev.replsim.protocol.Entry;
import dev.replsim.protocol.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The node's side of its durable journal (the live {@link Journal} actor, or the virtual driver's
 * model of one): it queues what the core decided to make durable and
 * writes it as one group commit at a time, so that while one write is in flight the next batch
 * gathers (as PostgreSQL's and MySQL's group commit do), and each write holds many entries. Every
 * {@code snapshotInterval} entries it adds a snapshot of the core's applied state, after which the
 * journal need not replay the entries before it.
 */
final class DurableJournal {

  private final Consumer<List<JournalEvent>> journal;
  private final long snapshotInterval;
  private List<JournalEvent> queued = new ArrayList<>();
  private boolean writing;
  private long sinceSnapshot;

  /**
   * @param journal starts one write of the events given; the node hears back with {@link
   *     NodeRuntime#journalDurable} when it completed
   */
  DurableJournal(Consumer<List<JournalEvent>> journal, long snapshotInterval) {
    this.journal = journal;
    this.snapshotInterval = snapshotInterval;
  }

  /**
   * Queues what one observation changes in the durable state: a vote, a log cut back, or a state
   * replaced (then {@code checkpoint} is the new state).
   */
  void observed(Observation o, Supplier<Checkpoint> checkpoint) {
    if (o instanceof Observation.Voted) {
      Observation.Voted v = (Observation.Voted) o;
      queued.add(new JournalEvent.VoteCast(v.term(), v.candidate()));
    } else if (o instanceof Observation.Rewound) {
      Observation.Rewound r = (Observation.Rewound) o;
      if (r.startedOver()) {
        snapshot(checkpoint.get(), true);
      } else {
        queued.add(new JournalEvent.LogRewound(r.matchLsn()));
      }
    } else if (o instanceof Observation.SnapshotInstalled) {
      snapshot(checkpoint.get(), true);
    }
  }

  /** Queues entries appended to the log; consecutive appends become one event. */
  void append(List<Entry> entries) {
    JournalEvent last = queued.isEmpty() ? null : queued.get(queued.size() - 1);
    if (last instanceof JournalEvent.EntriesAppended) {
      ((JournalEvent.EntriesAppended) last).entries().addAll(entries); // our own list, not yet sent
    } else {
      queued.add(new JournalEvent.EntriesAppended(new ArrayList<>(entries)));
    }
    sinceSnapshot += entries.size();
  }

  /** Whether enough entries were appended since the last snapshot to take another. */
  boolean snapshotDue() {
    return sinceSnapshot >= snapshotInterval;
  }

  void snapshot(Checkpoint c, boolean replacesLog) {
    queued.add(new JournalEvent.SnapshotTaken(c.lsn(), c.image(), c.history(), replacesLog));
    sinceSnapshot = 0;
  }

  /** Starts a write of everything queued, unless one is in flight. */
  void flush() {
    if (!writing && !queued.isEmpty()) {
      writing = true;
      journal.accept(queued);
      queued = new ArrayList<>();
    }
  }

  /** The write in flight completed: the next one may start. */
  void completed() {
    writing = false;
    flush();
  }
}
