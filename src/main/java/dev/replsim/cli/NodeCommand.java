package dev.replsim.cli;

import dev.replsim.distributed.ClusterConfig;
import dev.replsim.distributed.ClusterJoin;
import dev.replsim.distributed.HostAddress;
import dev.replsim.distributed.NodeHost;
import dev.replsim.distributed.WireVersion;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code replsim node}: one JVM that joins a Pekko Cluster of replsim JVMs through its seed nodes and
 * waits for coordinators to give it nodes to run (docs/distributed.md). Hidden from the help until
 * coordinators run nodes on it ({@code run --spawn}, {@code --join}; issue 15).
 */
@Command(
    name = "node",
    hidden = true,
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ManifestVersion.class,
    description = "Join a cluster of replsim JVMs and run the nodes coordinators give this host.")
final class NodeCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Option(names = "--bind", paramLabel = "HOST:PORT",
      description = "The address other replsim JVMs reach this one at (default: 127.0.0.1:17355).")
  String bind = "127.0.0.1:" + HostAddress.DEFAULT_PORT;

  @Option(names = "--seed-nodes", paramLabel = "HOST:PORT,...",
      description = "The members to join through; this host's own address first starts a cluster (default: --bind).")
  String seeds;

  @Option(names = "--listen", paramLabel = "ADDR",
      description = "The address to bind to when it differs from --bind's host (NAT, containers).")
  String listen;

  @Option(names = "--name", paramLabel = "NODE,...", split = ",",
      description = "Run only these nodes here (default: any the coordinator places).")
  List<String> pinned = List.of();

  @Option(names = "--once", description = "Stop after one run.")
  boolean once;

  @Option(names = "--join-timeout", hidden = true, paramLabel = "SECONDS",
      description = "How long joining may take (default: 20).")
  int joinTimeoutSeconds = 20;

  @Override
  public Integer call() {
    return main.outcome(spec, this::run);
  }

  private int run() throws InterruptedException {
    HostAddress self = HostAddress.parse("--bind", bind, true);
    List<HostAddress> seedNodes = seeds == null ? List.of(self) : HostAddress.parseList("--seed-nodes", seeds);
    if (joinTimeoutSeconds < 1) {
      return main.badInput(spec, "--join-timeout must be at least 1 second, not " + joinTimeoutSeconds);
    }
    ActorSystem<NodeHost.Command> system = ClusterJoin.join(NodeHost.create(pinned, once),
        ClusterConfig.member(self, listen, seedNodes, ClusterConfig.HOST), self, seedNodes,
        Duration.ofSeconds(joinTimeoutSeconds));
    Thread leave = new Thread(system::terminate, "replsim-node-leave");
    Runtime.getRuntime().addShutdownHook(leave);
    PrintWriter out = spec.commandLine().getOut();
    out.println("replsim node " + self + " (replsim " + WireVersion.replsim() + ", wire "
        + WireVersion.wire() + ") is up in the cluster of " + seedNodes.get(0) + "; waiting for a coordinator"
        + (once ? " (--once: it stops after one run)" : " (Ctrl-C stops it)"));
    out.flush();
    try {
      system.getWhenTerminated().toCompletableFuture().join();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(leave);
      } catch (IllegalStateException e) {
        // shutting down on a signal: the hook ends the system
      }
    }
    return ExitCode.OK;
  }
}
