package dev.replsim.node;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * When each node crashed, shared by the nodes of a run. A crash loses what the node had sent and
 * the network had not delivered yet: the emulated delay is a queue on the sending machine, as
 * netem's is, and a crashed machine's queue is gone. So asynchronous replication loses the writes
 * that were still on their way to every follower when the leader crashed, as it does on a real
 * network whose delay is mostly in queues.
 */
public final class Crashes {

  private final Map<String, List<Long>> crashedAt = new ConcurrentHashMap<>();

  /** {@code node} crashed at {@code atMicros} on the run clock. */
  public void crashed(String node, long atMicros) {
    crashedAt.computeIfAbsent(node, n -> new CopyOnWriteArrayList<>()).add(atMicros);
  }

  /** Whether a message {@code from} sent, due at {@code deliverAtMicros}, was lost with its sender. */
  boolean lostWithSender(String from, long sentAtMicros, long deliverAtMicros) {
    List<Long> times = crashedAt.get(from);
    if (times == null) {
      return false;
    }
    for (long t : times) {
      if (sentAtMicros <= t && t < deliverAtMicros) {
        return true;
      }
    }
    return false;
  }
}
