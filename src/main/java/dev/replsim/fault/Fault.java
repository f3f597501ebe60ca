package dev.replsim.fault;

import dev.replsim.network.LinkPatch;
import dev.replsim.protocol.AckLevel;
import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.CommitPolicy;
import dev.replsim.protocol.ReplicationMethod;
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
   * the clients or the whole cluster's settings.
   */
  default boolean strikesNodes() {
    return !reconfigures();
  }

  /**
   * Whether it reconfigures the whole cluster rather than harming nodes (a new commit rule or
   * replication method): it strikes no node, so no failover that follows is its doing, and it has
   * no duration: it stays until another changes it.
   */
  default boolean reconfigures() {
    return false;
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
   * The cluster's commit rule changes, as an operator reconfigures it: from this instant the
   * leader judges every write, waiting or new, by the new rule (a switch to async releases the
   * waiting writes, as emptying PostgreSQL's {@code synchronous_standby_names} releases its waiting
   * backends), and every node, including one that starts later, keeps it for when it leads. A part
   * left out keeps what is in force.
   *
   * @param mode the new mode, or null to keep it
   * @param acks semi-sync: how many standbys must ack, or 0 to keep it
   * @param ackLevel which follower position counts, or null to keep it
   * @param timeoutMicros semi-sync: how long a write waits, counted from its append, or 0 to keep it
   */
  record Commit(CommitMode mode, int acks, AckLevel ackLevel, long timeoutMicros) implements Fault {
    @Override
    public String action() {
      return "commit";
    }

    @Override
    public boolean reconfigures() {
      return true;
    }

    /** The rule in force after this change, over the one in force before. */
    public CommitPolicy over(CommitPolicy current) {
      return current.with(mode != null ? mode : current.mode(), acks > 0 ? acks : current.acks(),
          ackLevel != null ? ackLevel : current.ackLevel(), timeoutMicros > 0 ? timeoutMicros : current.timeoutMicros());
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

  /**
   * The cluster's replication method changes: from this instant the leader captures every write
   * by the new method (entries already logged ship as they were captured, and followers apply
   * each by its kind), and every node, including one that starts later, keeps it for when it leads.
   */
  record Method(ReplicationMethod method) implements Fault {
    @Override
    public String action() {
      return "method";
    }

    @Override
    public boolean reconfigures() {
      return true;
    }
  }
}
