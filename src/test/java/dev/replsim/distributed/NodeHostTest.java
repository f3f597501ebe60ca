package dev.replsim.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.cli.Main;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.spawn.ChildJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code replsim node} in a JVM of its own joins a coordinator's cluster, is found as a host, takes
 * the coordinator's scenario and stops after its run with {@code --once}; a node of another wire
 * version is refused at join and says so, exit 2 (docs/distributed.md, slice 2).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeHostTest {

  private static final Duration ASK = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  @Test
  void aNodeJvmIsFoundAsAHostTakesTheScenarioAndStopsAfterItsRun() throws Exception {
    HostAddress node = new HostAddress("127.0.0.1", freePort());
    try (NodeJvm child = startNode(node, List.of(), "--once")) {
      awaitLine(child, "is up in the cluster");
      HostAddress self = new HostAddress("127.0.0.1", freePort());
      ActorSystem<Void> coordinator = ClusterJoin.join(Behaviors.empty(),
          ClusterConfig.member(self, null, List.of(node), ClusterConfig.COORDINATOR), self, List.of(node),
          Duration.ofSeconds(20));
      try {
        NodeHost.HostInfo info = AskPattern.<NodeHost.Command, NodeHost.HostInfo>ask(host(coordinator),
            NodeHost.Describe::new, ASK, coordinator.scheduler()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(node.toString(), info.address());
        assertEquals(WireVersion.wire(), info.wire());
        assertTrue(info.cores() >= 1);

        Scenario scenario = ScenarioLoader.load(Path.of("simulations/quickstart.conf"));
        String text = scenario.effectiveConfig();
        NodeHost.Assigned damaged = assign(coordinator, text, NodeHost.sha256(text + " "));
        assertEquals("the scenario reached " + node + " damaged (its SHA-256 differs)", damaged.refusal());
        NodeHost.Assigned taken = assign(coordinator, text, NodeHost.sha256(text));
        assertNull(taken.refusal(), "the host took the run");

        host(coordinator).tell(new NodeHost.Release("run-1"));
        assertTrue(child.process().waitFor(30, TimeUnit.SECONDS), "--once: the node stopped after its run");
        assertEquals(0, child.process().exitValue(), log(child));
      } finally {
        coordinator.terminate();
        coordinator.getWhenTerminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aNodeOfAnotherWireVersionIsRefusedAtJoinWithExit2() throws Exception {
    HostAddress seed = new HostAddress("127.0.0.1", freePort());
    try (NodeJvm first = startNode(seed, List.of(), "--once")) {
      awaitLine(first, "is up in the cluster");
      HostAddress other = new HostAddress("127.0.0.1", freePort());
      try (NodeJvm newer = startNode(other, List.of("-Dreplsim.wire=" + (WireVersion.WIRE + 1)), "--seed-nodes",
          seed.toString())) {
        assertTrue(newer.process().waitFor(60, TimeUnit.SECONDS), "refused, it stopped: " + log(newer));
        assertEquals(2, newer.process().exitValue(), log(newer));
        assertTrue(log(newer).contains(seed + " refused replsim " + WireVersion.replsim() + " (wire "
            + (WireVersion.WIRE + 1) + ") as incompatible"), log(newer));
        assertFalse(log(newer).contains("\tat "), "no stack trace: " + log(newer));
      }
    }
  }

  private NodeHost.Assigned assign(ActorSystem<Void> coordinator, String text, String sha) throws Exception {
    return AskPattern.<NodeHost.Command, NodeHost.Assigned>ask(host(coordinator),
        replyTo -> new NodeHost.Assign("run-1", "quickstart", text, sha, List.of("follower-1"), replyTo), ASK,
        coordinator.scheduler()).toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** The one host the coordinator's Receptionist lists, once it lists one. */
  private static ActorRef<NodeHost.Command> host(ActorSystem<Void> coordinator)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      Receptionist.Listing listing = AskPattern.<Receptionist.Command, Receptionist.Listing>ask(
          coordinator.receptionist(), replyTo -> Receptionist.find(NodeHost.KEY, replyTo), ASK,
          coordinator.scheduler()).toCompletableFuture().get(10, TimeUnit.SECONDS);
      Set<ActorRef<NodeHost.Command>> hosts = listing.getServiceInstances(NodeHost.KEY);
      if (!hosts.isEmpty()) {
        return hosts.iterator().next();
      }
      assertTrue(System.nanoTime() < deadline, "the host registered within 20 s");
      LockSupport.parkNanos(50_000_000);
    }
  }

  /** A {@code replsim node} in a JVM of its own, and its log. */
  private record NodeJvm(ChildJvm jvm, Path log) implements AutoCloseable {
    Process process() {
      return jvm.process();
    }

    boolean alive() {
      return jvm.alive();
    }

    @Override
    public void close() {
      jvm.close();
    }
  }

  private NodeJvm startNode(HostAddress bind, List<String> jvmOptions, String... args) throws IOException {
    List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-Xmx256m"));
    options.addAll(jvmOptions);
    List<String> command = new ArrayList<>(List.of("node", "--bind", bind.toString()));
    command.addAll(List.of(args));
    Path log = dir.resolve("node-" + bind.port() + ".log");
    return new NodeJvm(ChildJvm.start(Main.class, options, command, log), log);
  }

  private static void awaitLine(NodeJvm node, String line) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!log(node).contains(line)) {
      assertTrue(node.alive(), "the node runs: " + log(node));
      assertTrue(System.nanoTime() < deadline, "the node printed '" + line + "' within 60 s: " + log(node));
      LockSupport.parkNanos(50_000_000);
    }
  }

  private static String log(NodeJvm node) throws IOException {
    return Files.exists(node.log()) ? Files.readString(node.log()) : "";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
