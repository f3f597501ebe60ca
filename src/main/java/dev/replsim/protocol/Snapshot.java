package dev.replsim.protocol;

import dev.replsim.storage.DatabaseImage;
import dev.replsim.storage.SizeModel;
import java.util.List;

/**
 * Sent by the leader to a follower that needs entries the leader no longer holds (a follower that
 * restarted empty, or fell too far behind): the leader's whole database as of {@code lsn}. The
 * follower replaces its state with it and continues from {@code lsn + 1}, as a replica set up from
 * a base backup does.
 *
 * @param image the database at {@code lsn}: its rows, and its pages' bytes when it is a page store
 * @param history the leader's term history, as {@link TermHistory#export()} writes it, so that
 *     the follower can later tell where its log parts from another's
 */
public record Snapshot(long term, String from, long lsn, DatabaseImage image, List<Long> history)
    implements Message {

  public Snapshot {
    history = List.copyOf(history);
  }

  @Override
  public int sizeBytes() {
    return SizeModel.MESSAGE_HEADER_BYTES + 8 + image.sizeBytes() + 8 * history.size();
  }
}
