package dev.replsim.protocol;

import dev.replsim.storage.Database;

/**
 * What a node keeps when its role changes (a follower standing for election, a candidate becoming
 * leader, a leader stepping down): its log, its database, how far each is durable and applied,
 * and its term history. Roles come and go; this stays.
 */
record HandOver(ReplicationLog log, Database database, TermHistory history, long durableLsn, long appliedLsn) {

  /** The term of the last entry in the log, 0 for an empty log. */
  long lastTerm() {
    return history.termAt(log.lastLsn(), log.lastLsn());
  }
}
