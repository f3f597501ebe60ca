package dev.replsim.protocol;

import dev.replsim.storage.ChangeCapture;
import dev.replsim.storage.Database;
import java.util.function.Function;

/**
 * One node's protocol state machine, as a driver sees it: every input comes with the time it is
 * handled at, on the node's clock, and returns a {@link Decision} for the driver to carry out.
 * Implementations are single-threaded and deterministic: the same inputs at the same times give
 * the same decisions, which is what lets the live and the virtual driver share them.
 */
public interface ProtocolNode {

  String name();

  /** Called once before any other input. */
  Decision start(long nowMicros);

  /** A message from another node, after the network delivered it. */
  Decision onMessage(Message message, long nowMicros);

  /** A client's write; only the leader accepts writes. */
  Decision onWrite(Write write, long nowMicros);

  /** A client's read of one key: answered at once, from this node's state. */
  Decision onRead(Read read, long nowMicros);

  /** The journal made the log durable up to {@code upToLsn}. */
  Decision onDurable(long upToLsn, long nowMicros);

  /**
   * A timer set through a decision fired: {@code dueMicros} is the instant it was set for and
   * {@code nowMicros} when the driver handles it, never earlier (a live timer is a little late).
   * The core chains emulated work and periodic processes on the due instant, so lateness does not
   * add up, and stamps what it observes with the true {@code nowMicros}.
   */
  Decision onTimer(TimerKey key, long dueMicros, long nowMicros);

  /** The flush asked for by {@link Decision#flushRequested()}. */
  Decision onFlush(long nowMicros);

  /**
   * The node's wall clock now reads {@code offsetMicros} ahead of the monotonic clock every other
   * method's {@code nowMicros} is on (a skew fault, or its end). Only what the node stamps moves:
   * its entries' timestamps and {@code NOW()}, its applier's clock (MySQL's
   * {@code Seconds_Behind_Source}), the reply times of PostgreSQL's lags. Its timers, leases and
   * failure detection run on the monotonic clock, as a database's do, so stepping the wall clock
   * neither lengthens a leader's lease nor shortens a follower's patience.
   */
  default void wallClockOffset(long offsetMicros) {}

  /**
   * A planned switchover: a leader hands over to {@code target} (or, if null, to its most
   * up-to-date follower) without losing a write. Nodes that cannot lead ignore it.
   */
  default Decision onSwitchover(String target, long nowMicros) {
    return new Decision();
  }

  /**
   * The cluster's commit rule changes now (a {@code commit} fault): a leader judges every write,
   * waiting or new, by {@code policy} from this instant; any node keeps it for when it leads.
   */
  default Decision onCommitPolicy(CommitPolicy policy, long nowMicros) {
    return new Decision();
  }

  /**
   * The cluster's replication method changes now (a {@code method} fault): {@code capture} builds
   * the new method's capture over a database. A leader captures every write from now on with it;
   * any node keeps it for when it leads. Entries already logged stay as they were captured.
   */
  default void captureWith(Function<Database, ChangeCapture> capture) {}

  NodeStatus status();

  /** The node's database, for end-of-run checks: read it only between inputs, never change it. */
  Database database();
}
