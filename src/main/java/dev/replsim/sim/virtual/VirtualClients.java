package dev.replsim.sim.virtual;

import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClientReplies;
import dev.replsim.protocol.Read;
import dev.replsim.protocol.Write;
import dev.replsim.workload.ClientPlan;
import dev.replsim.workload.ClientProcess;
import dev.replsim.workload.NodeAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A virtual run's clients: one {@link ClientProcess} per plan on the event loop, beside the nodes
 * (no network between them, as in a live run). A request reaches its node, and an answer its
 * client, as the next event at the same instant, the way a message reaches an actor's mailbox.
 */
final class VirtualClients {

  private final EventLoop loop;
  private final Recorder recorder;
  private final Function<String, VirtualNode> running;
  private final List<ClientProcess> clients = new ArrayList<>();
  private final List<CompletableFuture<Void>> issued = new ArrayList<>();

  VirtualClients(EventLoop loop, Recorder recorder, Function<String, VirtualNode> running) {
    this.loop = loop;
    this.recorder = recorder;
    this.running = running;
  }

  /** What every client shares: requests go to the node's running incarnation, if any. */
  private final NodeAccess access = new NodeAccess() {
    @Override
    public void write(String node, Write write) {
      VirtualNode v = running.apply(node);
      if (v != null) {
        v.post(() -> v.runtime().write(write));
      }
    }

    @Override
    public void read(String node, Read read) {
      VirtualNode v = running.apply(node);
      if (v != null) {
        v.post(() -> v.runtime().read(read));
      }
    }
  };

  void start(List<ClientPlan> plans, Set<String> nodes) {
    for (ClientPlan plan : plans) {
      ClientProcess[] self = new ClientProcess[1];
      ClientReplies.Recipient replies = new ClientReplies.Recipient() {
        @Override
        public void written(ClientReplies.WriteReply reply) {
          loop.execute(() -> self[0].writeReplied(reply));
        }

        @Override
        public void read(ClientReplies.ReadResult result) {
          loop.execute(() -> self[0].readReplied(result));
        }
      };
      CompletableFuture<Void> done = new CompletableFuture<>();
      self[0] = new ClientProcess(plan, Set.copyOf(nodes), loop, access, replies, recorder, done);
      clients.add(self[0]);
      issued.add(done);
    }
  }

  void forEach(Consumer<ClientProcess> action) {
    clients.forEach(action);
  }

  boolean arrivalsIssued() {
    return issued.stream().allMatch(CompletableFuture::isDone);
  }

  /** A node's process is gone: its clients hear of it as a dropped connection. */
  void nodeDown(String node, boolean leader) {
    clients.forEach(c -> loop.execute(leader ? c::leaderDown : () -> c.followerDown(node)));
  }

  /** A node is back: a leader restarted without failover takes the writes again; a follower serves reads. */
  void nodeUp(String node, boolean leads) {
    clients.forEach(c -> loop.execute(leads ? () -> c.leaderIs(node) : () -> c.followerIs(node)));
  }
}
