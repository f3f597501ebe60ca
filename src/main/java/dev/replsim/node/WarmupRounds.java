package dev.replsim.node;

import dev.replsim.protocol.AppendEntries;
import dev.replsim.protocol.Entry;
import dev.replsim.storage.RowChange;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * A node's warm-up before it is measured: round trips with its peers straight over Artery, with a
 * sample replication message, so that connections are open and the serialization paths compiled.
 */
final class WarmupRounds {

  private long pongsAwaited;
  private CompletableFuture<Void> done;

  void start(ReplicaNode.Warmup warmup, Peers peers, ActorRef<ReplicaNode.Command> self, String name) {
    done = warmup.done();
    pongsAwaited = (long) warmup.rounds() * warmup.peers().size();
    if (pongsAwaited == 0) {
      done.complete(null);
      return;
    }
    Entry entry = Entry.of(0, 1, new RowChange("k1", "warmup", 64), 0);
    ReplicaNode.Ping ping = new ReplicaNode.Ping(self, new AppendEntries(0, name, List.of(entry)));
    for (int i = 0; i < warmup.rounds(); i++) {
      warmup.peers().forEach(peer -> peers.get(peer).tell(ping));
    }
  }

  void pong() {
    if (--pongsAwaited == 0) {
      done.complete(null);
    }
  }
}
