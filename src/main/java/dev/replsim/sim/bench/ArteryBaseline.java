package dev.replsim.sim.bench;

import dev.replsim.node.ClusterFormation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;

/**
 * The reference figure for replsim's throughput, measured on the same machine in the same run: a
 * bare leader and followers, each its own ActorSystem in one Pekko Cluster over Artery, doing
 * nothing but shipping writes and acking them. No protocol core, no emulated network, no recorder.
 */
public final class ArteryBaseline {

  private ArteryBaseline() {}

  /**
   * Replicated writes per second (writes every follower applied) over {@code measure}, after
   * {@code warmup}.
   *
   * @param maxBatch 1 to ship one entry per message, more to ship batches
   * @param window writes in flight that not every follower has yet
   */
  public static double replicatedWritesPerSec(int followers, int maxBatch, int window, Duration warmup,
      Duration measure) throws InterruptedException, TimeoutException {
    List<String> nodes = new ArrayList<>();
    nodes.add("leader");
    for (int i = 1; i <= followers; i++) {
      nodes.add("follower-" + i);
    }
    Duration timeout = Duration.ofSeconds(30);
    try (ClusterFormation cluster = ClusterFormation.start(nodes, timeout)) {
      AtomicLong replicated = new AtomicLong();
      ActorRef<BaselineLeader.Command> leader =
          cluster.spawn("leader", BaselineLeader.create(maxBatch, window, replicated), "baseline-leader");
      List<ActorRef<BaselineFollower.Command>> refs = new ArrayList<>();
      for (String node : nodes.subList(1, nodes.size())) {
        ActorRef<BaselineFollower.Command> local =
            cluster.spawn(node, BaselineFollower.create(node), "baseline-follower");
        // the leader must reach followers over Artery, so it gets their remote address
        refs.add(remote(cluster, node, local));
      }
      leader.tell(new BaselineLeader.Begin(refs));
      Thread.sleep(warmup.toMillis());
      long before = replicated.get();
      long t0 = System.nanoTime();
      Thread.sleep(measure.toMillis());
      long after = replicated.get();
      return (after - before) / ((System.nanoTime() - t0) / 1e9);
    }
  }

  /** The follower's reference as the leader's system sees it: remote, so messages cross Artery. */
  private static ActorRef<BaselineFollower.Command> remote(ClusterFormation cluster, String node,
      ActorRef<BaselineFollower.Command> local) {
    String address = ActorRefResolver.get(cluster.system(node)).toSerializationFormat(local);
    return ActorRefResolver.get(cluster.system("leader")).resolveActorRef(address);
  }
}
