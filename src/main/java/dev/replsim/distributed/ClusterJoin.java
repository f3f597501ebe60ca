package dev.replsim.distributed;

import com.typesafe.config.Config;
import dev.replsim.scenario.ScenarioException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.Cluster;

/**
 * Starts a replsim JVM's ActorSystem and joins it to a cluster, or says why it could not, never
 * hanging (docs/distributed.md, "Nothing hangs"): a seed no TCP connection reaches, an address this
 * host does not have, a cluster that refuses this replsim's version, a port that answers but joins
 * nothing within the limit. Each is bad input, a {@link ScenarioException} naming the host and port.
 */
public final class ClusterJoin {

  /** How long a TCP connection to a seed may take before it counts as unreachable. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  private ClusterJoin() {}

  /**
   * Starts {@code guardian}'s system as the member {@code config} describes (see {@link
   * ClusterConfig#member}) and returns it once it is Up, within {@code joinTimeout}.
   *
   * @param self this member's own address; when it is the first seed, it may start the cluster
   */
  public static <T> ActorSystem<T> join(Behavior<T> guardian, Config config, HostAddress self,
      List<HostAddress> seeds, Duration joinTimeout) throws InterruptedException {
    reachable(self, seeds);
    ActorSystem<T> system;
    try {
      system = ActorSystem.create(guardian, ClusterConfig.SYSTEM_NAME, config);
    } catch (RuntimeException e) {
      throw new ScenarioException("cannot bind " + self + ": " + rootMessage(e)
          + " (is it an address of this host, and the port free?)");
    }
    CompletableFuture<Void> up = new CompletableFuture<>();
    Cluster.get(Adapter.toClassic(system)).registerOnMemberUp(() -> up.complete(null));
    system.getWhenTerminated().thenRun(() -> up.completeExceptionally(new IllegalStateException("terminated")));
    try {
      up.get(joinTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return system;
    } catch (ExecutionException e) {
      throw refused(system, seeds);
    } catch (TimeoutException e) {
      terminate(system);
      throw new ScenarioException("joined no cluster through " + others(self, seeds) + " in "
          + joinTimeout.toSeconds() + " s: the port answers, but no replsim node does");
    }
  }

  /** Connects to each seed but this member itself: unless one answers, nothing can be joined. */
  static void reachable(HostAddress self, List<HostAddress> seeds) {
    List<String> failures = new ArrayList<>();
    for (HostAddress seed : seeds) {
      if (seed.equals(self)) {
        return; // this member may start the cluster itself
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(seed.host(), seed.port()), (int) CONNECT_TIMEOUT.toMillis());
        return;
      } catch (UnknownHostException e) {
        failures.add(seed + " (unknown host)");
      } catch (ConnectException e) {
        failures.add(seed + " (connection refused)");
      } catch (SocketTimeoutException e) {
        failures.add(seed + " (no answer in " + CONNECT_TIMEOUT.toSeconds() + " s)");
      } catch (IOException e) {
        failures.add(seed + " (" + e.getMessage() + ")");
      }
    }
    throw new ScenarioException("cannot reach " + String.join(", ", failures)
        + ": is replsim node running there, is the port open?");
  }

  /** The system shut down before it was Up: say why, the cluster's refusal above all. */
  private static ScenarioException refused(ActorSystem<?> system, List<HostAddress> seeds) {
    Optional<CoordinatedShutdown.Reason> reason =
        CoordinatedShutdown.get(Adapter.toClassic(system)).getShutdownReason();
    terminate(system);
    if (reason.isPresent() && reason.get() instanceof CoordinatedShutdown.IncompatibleConfigurationDetectedReason$) {
      return new ScenarioException(join(seeds) + " refused replsim " + WireVersion.replsim() + " (wire "
          + WireVersion.wire() + ") as incompatible: run one replsim version everywhere; its log names the keys");
    }
    return new ScenarioException("could not join the cluster through " + join(seeds) + ": "
        + reason.map(Object::toString).orElse("its ActorSystem stopped"));
  }

  private static String others(HostAddress self, List<HostAddress> seeds) {
    List<HostAddress> others = new ArrayList<>(seeds);
    others.remove(self);
    return join(others.isEmpty() ? seeds : others);
  }

  private static String join(List<HostAddress> seeds) {
    List<String> names = new ArrayList<>();
    seeds.forEach(s -> names.add(s.toString()));
    return String.join(", ", names);
  }

  private static void terminate(ActorSystem<?> system) {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // abandoned: its threads are daemons
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
