package dev.replsim.protocol;

import dev.replsim.storage.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Followers added to a running cluster ({@code add-follower}), as Raft's learners and PostgreSQL's
 * new standbys join: the leader learns of one from its first {@link Hello}, tells it where their
 * logs agree, and ships to it (a snapshot first, if it needs entries no longer held), but it does
 * not count towards commit quorums, leases or elections, so adding one never blocks a write.
 */
final class Learners {

  /** One learner's positions and its own shipper (a progress of one follower). */
  private record Learner(FollowerProgress progress, Shipper shipper) {}

  private final String leader;
  private final long term;
  private final ProtocolSettings settings;
  private final Map<String, Learner> learners = new LinkedHashMap<>();

  Learners(String leader, long term, ProtocolSettings settings) {
    this.leader = leader;
    this.term = term;
    this.settings = settings;
  }

  /** A message from a node that is not one of the leader's followers; a hello makes it a learner. */
  void onMessage(Message message, ReplicationLog log, TermHistory history, Decision d) {
    Learner l = learners.get(message.from());
    if (l == null) {
      if (!(message instanceof Hello)) {
        return;
      }
      FollowerProgress progress = new FollowerProgress(List.of(message.from()), false, 1);
      l = new Learner(progress, new Shipper(leader, term, settings, List.of(message.from()), progress));
      learners.put(message.from(), l);
    }
    FollowerProgress p = l.progress();
    if (message instanceof Hello) {
      Hello hello = (Hello) message;
      p.incarnation(0, hello.incarnation());
      long match = history.matchingLsn(TermHistory.of(hello.history()), hello.lastLsn(), log.lastLsn());
      d.send(hello.from(), new LogMatch(term, leader, match, log.lastLsn()));
      boolean startsOver = hello.appliedLsn() > match;
      p.match(0, startsOver ? 0 : match, startsOver ? 0 : hello.appliedLsn());
      d.requestFlush();
    } else if (message instanceof Ack && p.isMatched(0)) {
      Ack ack = (Ack) message;
      p.heard(0, ack.echo());
      p.acked(0, ack);
      if (p.nextLsn(0) <= log.lastLsn()) {
        d.requestFlush();
      }
    } else if (message instanceof ResendRequest && p.isMatched(0)) {
      ResendRequest request = (ResendRequest) message;
      p.received(0, request.fromLsn() - 1);
      if (request.fromLsn() > p.receivedLsn(0) && request.fromLsn() < p.nextLsn(0)) {
        p.rewind(0);
        d.requestFlush();
      }
    } else if (message instanceof StreamRefused) {
      p.detach(0);
    }
  }

  void ship(ReplicationLog log, Database database, TermHistory history, Decision d) {
    if (learners.isEmpty()) {
      return; // the usual case: nothing on the leader's hot path
    }
    for (Learner l : learners.values()) {
      l.shipper().ship(log, database, history, d);
    }
  }

  void heartbeat(long now, Decision d) {
    for (Learner l : learners.values()) {
      l.shipper().heartbeat(now, d);
    }
  }

  /** The lowest durable position of the learners streaming, {@code ifNone} if none is. */
  long minDurable(long ifNone) {
    if (learners.isEmpty()) {
      return ifNone;
    }
    long min = ifNone;
    for (Learner l : learners.values()) {
      min = Math.min(min, l.progress().minDurable(ifNone));
    }
    return min;
  }
}
