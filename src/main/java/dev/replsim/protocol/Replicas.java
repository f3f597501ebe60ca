package dev.replsim.protocol;

import dev.replsim.storage.Database;

/**
 * How a {@link Replica} starts: as the first leader or a follower of a new cluster, restarted
 * with or without its log, restarted as the leader of a cluster without failover, or added to a
 * running cluster. Each start says what the node may do until it has heard from a leader.
 */
public final class Replicas {

  private Replicas() {}

  /** The first leader of a new cluster, in term 1. */
  public static Replica leading(NodeSetup setup, Database database) {
    Replica r = new Replica(setup, 1, setup.name());
    r.lead(new Leader(setup.name(), 1, setup.peers(), setup.settings(), setup.capture().apply(database)));
    return r;
  }

  /** A follower of {@code leader} in a new cluster, or restarted empty in its next incarnation. */
  public static Replica following(NodeSetup setup, String leader, long term, String votedFor, Database database) {
    Replica r = new Replica(setup, term, votedFor);
    r.follow(new Follower(setup.name(), leader, term, setup.incarnation(), setup.settings(), setup.applyTime(),
        database));
    return r;
  }

  /**
   * A node restarted without its log, in a cluster with failover: it follows whoever leads once
   * it hears from them, and votes again only once it has caught up.
   *
   * @param term the term of its last vote, kept across the restart, and that vote
   */
  public static Replica rejoining(NodeSetup setup, long term, String votedFor, Database database) {
    Replica r = following(setup, null, term, votedFor, database);
    r.forgetful();
    return r;
  }

  /**
   * A follower added to a running cluster: it starts empty, says hello to {@code leader} (who
   * learns of it so, and sets it up from a snapshot), and catches up. It does not count towards
   * quorums and never votes or stands.
   */
  public static Replica joining(NodeSetup setup, String leader, long term, Database database) {
    Replica r = new Replica(setup, term, null);
    r.follow(new Follower(setup.name(), leader, term, setup.incarnation(), false, setup.settings(),
        setup.applyTime(), new HandOver(new ReplicationLog(), database, new TermHistory(), 0, 0)));
    r.asLearner();
    return r;
  }

  /**
   * A leader restarted empty in a newer term, as a cluster without failover restarts its leader:
   * its followers' logs are of the old term, so each says hello first and starts over.
   */
  public static Replica restartedLeader(NodeSetup setup, long term, Database database) {
    Replica r = new Replica(setup, term, setup.name());
    r.lead(Leader.takingOver(setup.name(), term, setup.peers(), setup.settings(), setup.capture().apply(database),
        new HandOver(new ReplicationLog(), database, new TermHistory(), 0, 0)));
    return r;
  }

  /**
   * A node restarted from its durable journal: it replays the recovered entries over its last
   * snapshot, and comes back with its log, term and vote (not amnesiac: it votes at once). Without
   * failover the configured {@code leader} leads again in {@code term} (a newer one) and the others
   * follow it; with failover ({@code leader} null) it follows whoever leads once it hears from them.
   * Either way it says hello first, to learn where its log agrees with its leader's.
   *
   * @param database a fresh database of the node's kind, to replay into
   */
  public static Replica recovered(NodeSetup setup, String leader, long term, Recovery recovery, Database database) {
    HandOver state = recovery.replay(database);
    long t = Math.max(term, recovery.term());
    Replica r = new Replica(setup, t, recovery.votedFor());
    if (setup.name().equals(leader)) {
      r.votedFor(setup.name());
      r.lead(Leader.takingOver(setup.name(), t, setup.peers(), setup.settings(),
          setup.capture().apply(state.database()), state));
    } else {
      r.follow(new Follower(setup.name(), leader, t, setup.incarnation(), false, setup.settings(),
          setup.applyTime(), state));
    }
    return r;
  }
}
