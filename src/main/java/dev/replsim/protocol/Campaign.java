package dev.replsim.protocol;

import java.util.HashSet;
import java.util.Set;

/**
 * One round of a node's bid to lead: a pre-vote (would a majority vote for it?) or the election
 * itself, in {@code term}, with the votes gathered so far, its own included.
 *
 * @param transfer a switchover's election, which voters grant though their leader is alive
 */
record Campaign(long term, boolean preVote, boolean transfer, int clusterSize, Set<String> votes) {

  Campaign(long term, boolean preVote, boolean transfer, int clusterSize, String self) {
    this(term, preVote, transfer, clusterSize, new HashSet<>(Set.of(self)));
  }

  /** Counts a granted vote; true once the votes make a majority of the cluster. */
  boolean grant(String voter) {
    votes.add(voter);
    return won();
  }

  boolean won() {
    return votes.size() >= clusterSize / 2 + 1;
  }

  /** Whether a vote answers this round. */
  boolean answers(Vote vote) {
    return vote.preVote() == preVote && vote.term() == term;
  }
}
