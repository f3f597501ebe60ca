package dev.replsim.sim.virtual;

import dev.replsim.node.JournalEvent;
import dev.replsim.node.JournalState;
import dev.replsim.protocol.Recovery;
import dev.replsim.random.DurationSampler;
import java.util.List;
import java.util.function.Consumer;

/**
 * A node's durable journal in virtual time: its disk, which outlives the node's incarnations, and
 * writes that each take a time drawn from {@code cluster.journal-write-time}. It keeps the same
 * {@link JournalState} the live H2 journal builds from the same events, with the same crash
 * semantics: a write that completed (the node heard it durable) survives a crash, and one in
 * flight when the node crashed is lost.
 */
final class VirtualJournal {

  private final EventLoop loop;
  private JournalState disk = JournalState.EMPTY;

  VirtualJournal(EventLoop loop) {
    this.loop = loop;
  }

  /** What an incarnation recovers when it starts. */
  Recovery recover() {
    return disk.recovery();
  }

  /** The disk is lost: the next incarnation starts empty. */
  void wipe() {
    disk = JournalState.EMPTY;
  }

  /**
   * The writer an incarnation's runtime uses: each write completes after a drawn time, unless the
   * incarnation crashed meanwhile, and the node then hears its log durable.
   */
  Consumer<List<JournalEvent>> writer(VirtualNode node, DurationSampler writeTime) {
    return events -> loop.at(loop.nowMicros() + writeTime.nextMicros(), () -> {
      if (node.runtime().crashed()) {
        return;
      }
      for (JournalEvent e : events) {
        disk = disk.apply(e);
      }
      long lsn = disk.lastLsn();
      node.input(() -> node.runtime().journalDurable(lsn));
    });
  }
}
