package dev.replsim.protocol;

import static dev.replsim.protocol.TestCluster.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomized runs with failover: five nodes, writes every 5 ms to whoever leads, and a seeded
 * schedule of crashes (nodes come back empty), restarts, partitions and heals for four seconds
 * (a majority always keeping its log),
 * then everything heals and the cluster settles. Every run must keep the invariants: at most one
 * leader per term, no acknowledged write lost under sync (nor under semi-sync with acks from a
 * majority), and every replica converging to the leader's state. A failure names its seed.
 */
class FailoverPropertyTest {

  private static final long TIMEOUT = ms(200);
  private static final long FAULTS_END = ms(4000);

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (long seed = 1; seed <= 30; seed++) {
      runs.add(Arguments.of(seed, "sync"));
    }
    for (long seed = 31; seed <= 40; seed++) {
      runs.add(Arguments.of(seed, "semi-sync"));
    }
    for (long seed = 41; seed <= 50; seed++) {
      runs.add(Arguments.of(seed, "async"));
    }
    return runs.stream();
  }

  private static CommitPolicy commit(String mode) {
    switch (mode) {
      case "sync":
        return TestCluster.sync(AckLevel.DURABLE);
      case "semi-sync":
        return new CommitPolicy(CommitMode.SEMI_SYNC, 2, AckLevel.DURABLE, 0); // 2 of 4: with the leader, 3 of 5
      default:
        return CommitPolicy.async();
    }
  }

  @ParameterizedTest(name = "seed {0}, {1}")
  @MethodSource("runs")
  void failoverKeepsItsInvariants(long seed, String mode) {
    ProtocolSettings settings = TestCluster.settings(commit(mode), ElectionSettings.Strategy.ELECTION, TIMEOUT,
        true);
    TestCluster c = TestCluster.start(settings, 4, seed);
    ProtocolHarness h = c.harness();
    Random random = new Random(seed);
    for (String a : c.names()) {
      for (String b : c.names()) {
        if (!a.equals(b)) {
          h.network().delay(a, b, ms(1) + random.nextInt(40_000)); // each link its own delay
        }
      }
    }
    for (long at = ms(5); at < FAULTS_END + ms(1000); at += ms(5)) {
      h.write(at, "k" + random.nextInt(40), "v" + at);
    }
    List<String> down = new ArrayList<>();
    for (long at = ms(300); at < FAULTS_END; at += ms(150) + random.nextInt(300_000)) {
      h.runUntil(at);
      strike(c, h, random, down);
    }
    h.runUntil(FAULTS_END);
    h.network().heal();
    new ArrayList<>(down).forEach(c::restart);
    h.runUntil(FAULTS_END + ms(3000));

    String context = "seed " + seed + " (" + mode + ")";
    if (System.getProperty("debugSeed", "").equals(Long.toString(seed))) {
      h.statuses().forEach(System.out::println);
      h.running().forEach(n -> System.out.println(n + " amnesiac=" + h.node(n, Replica.class).amnesiac()));
      h.observed().stream().filter(o -> !(o.observation() instanceof Observation.Received
          || o.observation() instanceof Observation.Durable || o.observation() instanceof Observation.Applied
          || o.observation() instanceof Observation.Appended || o.observation() instanceof Observation.Shipped
          || o.observation() instanceof Observation.StandbyReply || o.observation() instanceof Observation.ApplierState))
          .forEach(System.out::println);
    }
    assertEquals(List.of(), FailoverInvariants.severalLeadersInATerm(h), context);
    FailoverInvariants.soleLeader(h);
    if (!mode.equals("async")) {
      assertEquals(List.of(), FailoverInvariants.acknowledgedWritesLost(h), context + ": lost writes");
    }
    Invariants.assertConverged(h, context);
    assertTrue(h.answers().size() > 0, context + ": some writes were acknowledged");
  }

  /**
   * One random fault: crash a node, restart one, cut one off, heal, or heal and crash the leader
   * at once. A node restarts without
   * its log (the memory journal), and does not vote until it has caught up; were a majority ever
   * without their logs, no leader could be elected (rightly: the acknowledged writes might be gone
   * from every voter), so crashes stop while two nodes are down or not yet caught up.
   */
  private static void strike(TestCluster c, ProtocolHarness h, Random random, List<String> down) {
    List<String> up = h.running();
    int kind = random.nextInt(5);
    long forgetful = up.stream().filter(n -> h.node(n, Replica.class).amnesiac()).count();
    // a majority keeps its log: at most two nodes down or back without theirs (see Replica#rejoining)
    if (kind == 0 && down.size() + forgetful < 2) {
      String victim = random.nextBoolean() && h.leaderName() != null ? h.leaderName()
          : up.get(random.nextInt(up.size()));
      h.crash(victim);
      down.add(victim);
    } else if (kind == 1 && !down.isEmpty()) {
      c.restart(down.remove(random.nextInt(down.size())));
    } else if (kind == 2) {
      h.network().heal();
      List<String> side = new ArrayList<>(c.names());
      java.util.Collections.shuffle(side, random);
      // one node cut off, or the cluster split two against three
      List<String> minority = List.copyOf(side.subList(0, 1 + random.nextInt(2)));
      h.network().dropWhen(e -> minority.contains(e.from()) != minority.contains(e.to()));
    } else if (kind == 4 && down.size() + forgetful < 2 && h.leaderName() != null) {
      // heal, and crash the leader before the followers it could not reach have caught up
      h.network().heal();
      String leader = h.leaderName();
      h.crash(leader);
      down.add(leader);
    } else {
      h.network().heal();
    }
  }
}
