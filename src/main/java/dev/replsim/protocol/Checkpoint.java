package dev.replsim.protocol;

import dev.replsim.storage.DatabaseImage;
import java.util.List;

/**
 * A node's applied state at one LSN, for its journal to keep as a snapshot: entries up to
 * {@code lsn} need not be replayed after a restart, and the journal may drop them.
 *
 * @param history the node's term history, as {@link TermHistory#export()} writes it
 */
public record Checkpoint(long lsn, DatabaseImage image, List<Long> history) {

  public Checkpoint {
    history = List.copyOf(history);
  }
}
