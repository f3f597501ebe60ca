package dev.replsim.node;

import dev.replsim.network.LinkProfile;
import dev.replsim.protocol.CommitPolicy;
import dev.replsim.random.DurationSampler;
import dev.replsim.storage.ChangeCapture;
import dev.replsim.storage.Database;
import java.util.function.Function;

/**
 * The faults the fault injector aims at one node, carried out by its {@link ReplicaNode}: a pause,
 * a slower apply, a changed or cut outbound link, a skewed clock, and their undoing. (Crashes and
 * restarts happen to the node's whole ActorSystem instead.)
 */
public sealed interface NodeFault extends ReplicaNode.Command
    permits NodeFault.Pause, NodeFault.Resume, NodeFault.SetApplyTime, NodeFault.SetLinkProfile,
        NodeFault.CutLink, NodeFault.SetClockSkew, NodeFault.Switchover,
        NodeFault.SetCommitPolicy, NodeFault.SetCapture {

  /** A pause fault: the node processes nothing until {@link Resume}; everything it is sent waits. */
  public enum Pause implements NodeFault { INSTANCE }

  /** The end of a pause: everything that waited is handled in order. */
  public enum Resume implements NodeFault { INSTANCE }

  /** A slow fault (or its end): a follower's per-entry apply time, from the next entry on. */
  public record SetApplyTime(DurationSampler applyTime) implements NodeFault {}

  /** A link fault (or its end): the link to {@code to} gets this profile from the next message on. */
  public record SetLinkProfile(String to, LinkProfile profile) implements NodeFault {}

  /** A partition cuts ({@code cut = true}) or stops cutting the link to {@code to}. */
  public record CutLink(String to, boolean cut) implements NodeFault {}

  /** A skew fault (or its end): the node's local clock runs {@code offsetMicros} ahead. */
  public record SetClockSkew(long offsetMicros) implements NodeFault {}

  /** A switchover fault, for the leader: hand over to {@code to} (null: the most caught-up follower). */
  public record Switchover(String to) implements NodeFault {}

  /** A commit fault: the cluster's commit rule is {@code policy} from now on, on every node. */
  public record SetCommitPolicy(CommitPolicy policy) implements NodeFault {}

  /**
   * A method fault: the cluster captures writes by {@code method} from now on, on every node.
   *
   * @param method names the replication method, for logs
   * @param capture builds the method's capture over a node's database
   */
  public record SetCapture(String method, Function<Database, ChangeCapture> capture) implements NodeFault {}
}
