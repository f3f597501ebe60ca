package dev.replsim.workload;

import dev.replsim.protocol.LogPosition;
import dev.replsim.scenario.ReadSettings.SessionGuarantee;

/**
 * A client's session: the log positions its guarantee asks of the nodes it reads from. It
 * remembers the position of its last acknowledged write and of the newest state it has read; the
 * guarantee decides which of them the next read must reach:
 *
 * <ul>
 *   <li>read-your-writes: the last write's position, so the client sees what it wrote;
 *   <li>monotonic reads: the newest state read, so the client never sees an older one;
 *   <li>consistent prefix: the newest state read too. The single log of a leader orders every
 *       write after those it causally depends on (a write acknowledged or read before another is
 *       invoked was appended first), so a state that holds what the client read holds its causal
 *       past. A node cannot say at which LSN the value it returned was written, so the session
 *       carries the state's position, which is at or beyond it.
 * </ul>
 */
public final class Session {

  private final SessionGuarantee guarantee;
  private LogPosition lastWrite = LogPosition.ORIGIN;
  private LogPosition newestRead = LogPosition.ORIGIN;

  public Session(SessionGuarantee guarantee) {
    this.guarantee = guarantee;
  }

  public SessionGuarantee guarantee() {
    return guarantee;
  }

  /** The client's write was acknowledged at {@code position}. */
  public void wrote(LogPosition position) {
    lastWrite = lastWrite.max(position);
  }

  /** A read of the client returned the state at {@code position}. */
  public void read(LogPosition position) {
    newestRead = newestRead.max(position);
  }

  /** The state the client's next read must reflect at least ({@link LogPosition#ORIGIN}: any). */
  public LogPosition requirement() {
    switch (guarantee) {
      case READ_YOUR_WRITES:
        return lastWrite;
      case MONOTONIC_READS:
      case CONSISTENT_PREFIX:
        return newestRead;
      default:
        return LogPosition.ORIGIN;
    }
  }

  /** Whether a follower should hold the session's reads for their position, or answer at once. */
  public boolean waits() {
    return guarantee != SessionGuarantee.NONE;
  }
}
