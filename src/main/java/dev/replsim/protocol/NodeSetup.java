package dev.replsim.protocol;

import dev.replsim.random.DurationSampler;
import dev.replsim.storage.ChangeCapture;
import dev.replsim.storage.Database;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/**
 * What a {@link Replica} needs whatever role it plays: who it is and who its peers are, the
 * protocol's settings, how long it takes to apply an entry, how its replication method captures
 * changes once it leads, and its own random stream (for election timeouts).
 *
 * @param peers every other node of the cluster
 * @param incarnation how many times this node has started
 * @param capture the replication method's capture over a database, for when it leads
 * @param random draws a number in [0, n) for n, from this node's own stream
 */
public record NodeSetup(String name, List<String> peers, long incarnation, ProtocolSettings settings,
    DurationSampler applyTime, Function<Database, ChangeCapture> capture, LongUnaryOperator random) {

  public NodeSetup {
    peers = List.copyOf(peers);
  }

  int clusterSize() {
    return peers.size() + 1;
  }
}
