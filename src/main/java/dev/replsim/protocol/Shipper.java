package dev.replsim.protocol;

import dev.replsim.storage.Database;
import java.util.List;

/**
 * How a leader sends its log to its followers: each matched follower gets the entries after the
 * last one shipped to it, in batches, within its in-flight window, or the whole database as a
 * snapshot if it needs entries the leader no longer holds; every follower gets heartbeats, which
 * say how far shipping got (so a follower notices lost entries) and invite an unmatched follower
 * to say hello.
 */
final class Shipper {

  private final String leader;
  private final long term;
  private final ProtocolSettings settings;
  private final List<String> followers;
  private final FollowerProgress progress;

  Shipper(String leader, long term, ProtocolSettings settings, List<String> followers, FollowerProgress progress) {
    this.leader = leader;
    this.term = term;
    this.settings = settings;
    this.followers = followers;
    this.progress = progress;
  }

  /** Sends a heartbeat to every follower still streaming. */
  void heartbeat(long now, Decision d) {
    for (int i = 0; i < followers.size(); i++) {
      if (!progress.isDetached(i)) {
        d.send(followers.get(i), new Heartbeat(term, leader, progress.nextLsn(i) - 1, now));
      }
    }
  }

  /**
   * Drops entries every follower has made durable (a follower that crashes comes back with
   * those, not with all it had received), and those further back than the log retention: a
   * follower that needs them gets a snapshot.
   *
   * @param othersDurable what other followers (learners) have made durable, or Long.MAX_VALUE
   */
  void truncate(ReplicationLog log, long othersDurable) {
    long last = log.lastLsn();
    long everyoneHas = Math.min(Math.min(progress.minDurable(last), othersDurable), last);
    long beyondRetention = last - Math.min(last, settings.logRetentionEntries());
    log.truncatePrefix(Math.max(everyoneHas, beyondRetention));
  }

  /** Ships what each matched follower is missing, as far as its window allows. */
  void ship(ReplicationLog log, Database database, TermHistory history, Decision d) {
    long last = log.lastLsn();
    for (int i = 0; i < followers.size(); i++) {
      if (progress.isDetached(i) || !progress.isMatched(i)) {
        continue;
      }
      if (progress.nextLsn(i) < log.firstLsn()) {
        snapshot(i, log, database, history, d);
      }
      while (progress.nextLsn(i) <= last && progress.hasRoom(i, settings.maxInFlightEntries())) {
        long room = settings.maxInFlightEntries() - progress.inFlight(i);
        int max = (int) Math.min(settings.maxBatchEntries(), room);
        List<Entry> batch = log.slice(progress.nextLsn(i), max);
        AppendEntries message = new AppendEntries(term, leader, batch);
        Entry lastEntry = batch.get(batch.size() - 1);
        d.send(followers.get(i), message);
        d.observe(new Observation.Shipped(followers.get(i), batch.get(0).lsn(), lastEntry.lsn(),
            message.sizeBytes()));
        progress.shipped(i, lastEntry.lsn());
        // PostgreSQL samples the flush time of the WAL it sends, for the lags replies will show
        progress.lag(i).record(lastEntry.lsn(), lastEntry.appendedAtMicros());
      }
    }
  }

  /**
   * The follower needs entries this leader no longer holds: it gets the whole database as of the
   * last LSN instead, and the entries after it.
   */
  private void snapshot(int i, ReplicationLog log, Database database, TermHistory history, Decision d) {
    long last = log.lastLsn();
    Snapshot snapshot = new Snapshot(term, leader, last, database.image(), history.export());
    d.send(followers.get(i), snapshot);
    d.observe(new Observation.SnapshotSent(followers.get(i), last, snapshot.sizeBytes()));
    progress.shipped(i, last);
  }
}
