package dev.replsim.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws a scenario from a seed for the safety search: a cluster of three to five nodes with
 * election on (with or without pre-vote, a plain timeout or a range), a commit mode (async, sync, semi-sync ANY or FIRST k at either wait point), a
 * replication method, a journal, link delays and loss, clients that write and sometimes read, and
 * a schedule of faults ({@link FaultDrawer}). Everything comes from the seed, so a seed names its
 * scenario for good; one scenario in five is small and sync with leader reads, so its history
 * can be checked for linearizability.
 */
public final class ScenarioGenerator {

  private ScenarioGenerator() {}

  /** The scenario of {@code seed}. */
  public static GeneratedScenario generate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int followers = 2 + r.nextInt(3);
    boolean linearizable = r.nextInt(5) == 0;
    List<String> s = new ArrayList<>();
    s.add("simulation { name = \"safety-" + seed + "\", seed = " + seed + ", time = virtual, drain-timeout = 10s }");
    s.add("cluster.followers = " + followers);
    s.add("cluster.names = [" + String.join(", ", FaultDrawer.names(followers + 1)) + "]");
    s.add("cluster.replication.method = " + pick(r, "statement", "wal", "logical"));
    s.add("cluster.replication.ack-level = " + pick(r, "received", "durable", "applied"));
    commitMode(r, followers, linearizable, s);
    if (r.nextBoolean()) {
      s.add("cluster.persistence = h2");
      if (r.nextBoolean()) {
        s.add("cluster { snapshot-interval = 200, log-retention = 400 }");
      }
    }
    network(r, s);
    failover(r, s);
    workload(r, linearizable, s);
    FaultDrawer.Schedule schedule = FaultDrawer.draw(r, followers + 1);
    s.add(0, "simulation.duration = " + schedule.durationMs() + "ms");
    return new GeneratedScenario(seed, s, schedule.faults());
  }

  /** Election on, with or without pre-vote, a plain timeout or a range (Raft's form). */
  private static void failover(SplittableRandom r, List<String> s) {
    int heartbeat = 20 + 10 * r.nextInt(4);
    int timeout = 4 * heartbeat + 10 * r.nextInt(20);
    String range = r.nextBoolean() ? timeout + "ms"
        : "{ min = " + timeout + "ms, max = " + (timeout + 10 + 10 * r.nextInt(20)) + "ms }";
    s.add("failover { strategy = election, heartbeat-interval = " + heartbeat + "ms, timeout = " + range
        + ", pre-vote = " + pick(r, "on", "off") + " }");
  }

  private static void commitMode(SplittableRandom r, int followers, boolean linearizable, List<String> s) {
    int kind = linearizable ? 1 : r.nextInt(5);
    if (kind == 0) {
      s.add("cluster.replication.mode = async");
    } else if (kind == 1) {
      s.add("cluster.replication.mode = sync");
    } else {
      s.add("cluster.replication { mode = semi-sync, acks = " + (1 + r.nextInt(followers))
          + ", quorum = " + pick(r, "any", "first") + ", wait-point = " + pick(r, "after-sync", "after-commit")
          + ", timeout = " + pick(r, "300ms", "1h") + " }");
    }
  }

  private static void network(SplittableRandom r, List<String> s) {
    int low = 1 + r.nextInt(10);
    switch (r.nextInt(3)) {
      case 0 -> s.add("network.delay = { distribution = uniform, min = " + low + "ms, max = " + (low + r.nextInt(30))
          + "ms }");
      case 1 -> s.add("network.delay = { distribution = exponential, mean = " + (low + 2) + "ms }");
      default -> s.add("network.delay = { distribution = constant, value = " + low + "ms, jitter = "
          + r.nextInt(low + 1) + "ms }");
    }
    if (r.nextInt(3) == 0) {
      s.add("network.loss = " + r.nextInt(4) + "%");
    }
    if (r.nextInt(5) == 0) {
      s.add("network.duplicate = 1%");
    }
    if (r.nextInt(5) == 0) {
      s.add("network.reorder = true");
    }
  }

  private static void workload(SplittableRandom r, boolean linearizable, List<String> s) {
    if (linearizable) {
      s.add("workload { clients = 3, write-rate = 40, read-rate = 40, keys = 5, read-from = leader }");
      s.add("check.linearizable = true");
      return;
    }
    s.add("workload { clients = " + (2 + r.nextInt(3)) + ", write-rate = " + (50 + 50 * r.nextInt(5))
        + ", keys = " + pick(r, "10", "100", "1000") + " }");
    if (r.nextBoolean()) {
      s.add("workload { read-rate = " + (50 + 50 * r.nextInt(3)) + ", read-from = "
          + pick(r, "leader", "followers", "nearest") + ", follower-choice = " + pick(r, "random", "sticky")
          + ", session-guarantee = "
          + pick(r, "none", "read-your-writes", "monotonic-reads", "consistent-prefix") + " }");
    }
  }

  static String pick(SplittableRandom r, String... choices) {
    return choices[r.nextInt(choices.length)];
  }
}
