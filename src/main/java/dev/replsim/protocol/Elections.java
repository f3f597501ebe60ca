package dev.replsim.protocol;

/**
 * How a {@link Replica} answers a {@link RequestVote}, by Raft's rules with PreVote and leader
 * stickiness: at most one vote per term, only for a candidate whose log is at least as up to
 * date (with vote rule {@code any}: whatever its log), and, with the lease, none, real or
 * pre-vote, while it still hears from a leader (unless that leader itself asked for the election,
 * in a switchover).
 */
final class Elections {

  private Elections() {}

  static void onRequestVote(Replica r, RequestVote ask, long now, Decision d) {
    if (ask.preVote()) {
      boolean grant = ask.term() > r.term() && !r.leads() && !r.amnesiac() && !hearsLeader(r, now)
          && mayWin(r, ask);
      // a refusal says the voter's term, so a candidate behind it catches up (as etcd's PreVote does)
      d.send(ask.from(), new Vote(grant ? ask.term() : r.term(), r.name(), grant, true));
      return;
    }
    boolean sticky = !ask.transfer() && hearsLeader(r, now);
    if (ask.term() > r.term() && !sticky && (!r.leads() || r.election().fencing())) {
      r.stepDown(ask.term(), null, now, d);
    }
    boolean grant = ask.term() == r.term() && !sticky && !r.leads() && !r.amnesiac()
        && (r.votedFor() == null || r.votedFor().equals(ask.from())) && mayWin(r, ask);
    if (grant) {
      r.votedFor(ask.from());
      d.observe(new Observation.Voted(ask.term(), ask.from()));
      r.waitForLeader(now, d); // a candidate is under way: give it time to win
    }
    d.send(ask.from(), new Vote(r.term(), r.name(), grant, false));
  }

  /**
   * Whether this node still hears from a live leader (a leader hears from itself). Without the
   * lease there is no stickiness: only a leader refuses, as in the Raft paper.
   */
  private static boolean hearsLeader(Replica r, long now) {
    return r.leads() || (r.election().lease() && r.follower().leader() != null && r.watch().heardRecently(now));
  }

  /** Whether the candidate's log lets it have this vote: by Raft's rule, or any log at all. */
  private static boolean mayWin(Replica r, RequestVote ask) {
    return r.election().voteRule() == ElectionSettings.VoteRule.ANY || upToDate(r.follower(), ask);
  }

  /** Raft's rule: a later last term is more up to date; with the same last term, a longer log is. */
  static boolean upToDate(Follower voter, RequestVote ask) {
    long myTerm = voter.lastTerm();
    return ask.lastTerm() > myTerm || (ask.lastTerm() == myTerm && ask.lastLsn() >= voter.lastLsn());
  }
}
