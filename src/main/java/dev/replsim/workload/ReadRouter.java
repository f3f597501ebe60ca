package dev.replsim.workload;

import dev.replsim.scenario.ReadSettings.FollowerChoice;
import dev.replsim.scenario.ReadSettings.ReadFrom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Picks the node each read of one client goes to: the leader; a follower at random, in turn, or
 * the same one each time (sticky); or the nearest follower. Only running nodes are picked; a
 * sticky client whose follower went down picks another. Draws from the client's own stream.
 */
public final class ReadRouter {

  private final ReadFrom from;
  private final FollowerChoice choice;
  private String leader;
  private final List<String> followers;
  private final UniformRandomProvider stream;
  private final Set<String> down = new HashSet<>();
  private int turn;
  private String sticky;

  /**
   * @param followers the followers in node order, or nearest first for {@link ReadFrom#NEAREST}
   */
  public ReadRouter(ReadFrom from, FollowerChoice choice, String leader, List<String> followers,
      UniformRandomProvider stream) {
    this.from = from;
    this.choice = choice;
    this.leader = leader;
    this.followers = new ArrayList<>(followers);
    this.stream = stream;
  }

  public String leader() {
    return leader;
  }

  /** The node of the next read, or null when no node that may serve it is running. */
  public String pick() {
    if (from == ReadFrom.LEADER) {
      return down.contains(leader) ? null : leader;
    }
    if (from == ReadFrom.NEAREST) {
      return firstUp(0);
    }
    switch (choice) {
      case ROUND_ROBIN:
        String next = firstUp(turn);
        turn = next == null ? turn : (followers.indexOf(next) + 1) % followers.size();
        return next;
      case STICKY:
        if (sticky == null || down.contains(sticky)) {
          sticky = random();
        }
        return sticky;
      default:
        return random();
    }
  }

  /**
   * Another node leads now (a failover): reads for the leader go there, and the old leader is a
   * follower again, last in order (its distance is not known here).
   */
  public void leaderIs(String node) {
    if (node.equals(leader)) {
      return;
    }
    int i = followers.indexOf(node);
    if (i >= 0) {
      followers.remove(i);
    }
    followers.add(leader);
    leader = node;
    sticky = node.equals(sticky) ? null : sticky;
  }

  /** The node crashed: no read goes there until it is {@link #up} again. */
  public void down(String node) {
    down.add(node);
  }

  public void up(String node) {
    down.remove(node);
  }

  /** The first running follower from index {@code from} on, wrapping around. */
  private String firstUp(int from) {
    for (int i = 0; i < followers.size(); i++) {
      String f = followers.get((from + i) % followers.size());
      if (!down.contains(f)) {
        return f;
      }
    }
    return null;
  }

  private String random() {
    if (down.isEmpty()) {
      return followers.isEmpty() ? null : followers.get(stream.nextInt(followers.size()));
    }
    List<String> up = new ArrayList<>(followers);
    up.removeAll(down);
    return up.isEmpty() ? null : up.get(stream.nextInt(up.size()));
  }
}
