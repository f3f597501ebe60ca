package dev.replsim.protocol;

import dev.replsim.storage.SizeModel;

/**
 * The leader's answer to a {@link Hello}: the follower's log agrees with the leader's up to
 * {@code matchLsn}. A follower holding entries after it discards them (a deposed leader's own
 * suffix, writes no one else had); if it already applied any of them it cannot undo them, so it
 * starts over empty and is set up again, as a PostgreSQL standby ahead of a new timeline must be
 * rebuilt.
 *
 * @param leaderLastLsn where the leader's log ended when it answered: a follower that restarted
 *     empty has caught up once its log reaches it
 */
public record LogMatch(long term, String from, long matchLsn, long leaderLastLsn) implements Message {

  @Override
  public int sizeBytes() {
    return SizeModel.MESSAGE_HEADER_BYTES + 16;
  }
}
