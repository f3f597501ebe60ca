package dev.replsim.fault;

import dev.replsim.network.LinkPatch;
import dev.replsim.random.Distribution;
import java.util.List;

/**
 * What a fault does, as written in a scenario's {@code faults} list or drawn by the nemesis. Each
 * kind names its targets by {@link Target selectors} that are resolved when the fault fires, so
 * {@code current-leader} means whoever leads at that moment.
 */
public sealed interface Fault {

  /** A short kebab-case name, as scenarios write it: {@code crash}, {@code partition}, ... */
  String action();

  /**
   * Whether it strikes nodes, resolved when it fires (one that finds none is skipped), rather than
   * the clients.
   */
  default boolean strikesNodes() {
    return true;
  }

  /** The node's ActorSystem stops abruptly; with the memory journal it loses everything. */
  record Crash(Target target) implements Fault {
    @Override
    public String action() {
      return "crash";
    }
  }

  /**
   * A crashed node starts again as its next incarnation and rejoins the cluster: with a durable
   * journal it recovers what it held, unless {@code wipe} (its disk was lost: it starts empty, as
   * with the memory journal, and is set up from a snapshot).
   */
  record Restart(Target target, boolean wipe) implements Fault {
    /** A restart that keeps the node's disk. */
    public Restart(Target target) {
      this(target, false);
    }

    @Override
    public String action() {
      return "restart";
    }
  }

  /**
   * A node that is not in the cluster yet ({@code node}, a new name) starts, joins the Pekko
   * cluster and says hello to the leader, which sets it up from a snapshot and ships to it. It
   * does not count towards commit quorums or elections.
   */
  record AddFollower(String node) implements Fault {
    @Override
    public String action() {
      return "add-follower";
    }
  }

  /** The node processes nothing for a while: its inbound messages and timers wait (a GC pause). */
  record Pause(Target target) implements Fault {
    @Override
    public String action() {
      return "pause";
    }
  }

  /** The node's per-entry apply time changes (a slow disk, a busy replica). */
  record Slow(Target target, Distribution applyTime) implements Fault {
    @Override
    public String action() {
      return "slow";
    }
  }

  /**
   * Messages between the groups are dropped. With {@code oneWay}, only those from the first group
   * to the second are: the first cannot reach the second, the second still reaches the first.
   */
  record Partition(List<Target> groups, boolean oneWay) implements Fault {
    public Partition {
      groups = List.copyOf(groups);
    }

    @Override
    public String action() {
      return "partition";
    }
  }

  /** Heals the named partition, or every active one when {@code partition} is null. */
  record Heal(String partition) implements Fault {
    @Override
    public String action() {
      return "heal";
    }
  }

  /**
   * Changes the directed links from the {@code from} nodes to the {@code to} nodes, and back too
   * when {@code bothWays}.
   */
  record LinkChange(Target from, Target to, boolean bothWays, LinkPatch patch) implements Fault {
    @Override
    public String action() {
      return "link";
    }
  }

  /**
   * A planned handover: the leader stops taking writes, waits until {@code to} (or, when null, its
   * most caught-up follower) holds every one, and has it elected. Nothing is lost.
   */
  record Switchover(Target to) implements Fault {
    @Override
    public String action() {
      return "switchover";
    }
  }

  /** Shifts the node's local clock: only what the node itself stamps moves, as on a real host. */
  record Skew(Target target, long offsetMicros) implements Fault {
    @Override
    public String action() {
      return "skew";
    }
  }

  /**
   * The clients' total rates change: writes and reads per second across all clients, each null
   * where unchanged. Undone (after a duration), the scenario's own rates come back.
   */
  record Rate(Double writesPerSec, Double readsPerSec) implements Fault {
    @Override
    public String action() {
      return "rate";
    }

    @Override
    public boolean strikesNodes() {
      return false;
    }
  }

  /**
   * The clients stop issuing new writes and reads ({@code running} false; what is in flight still
   * ends), or start again. A stop is undone by a start.
   */
  record Clients(boolean running) implements Fault {
    @Override
    public String action() {
      return "clients";
    }

    @Override
    public boolean strikesNodes() {
      return false;
    }
  }
}
