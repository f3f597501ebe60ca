package dev.replsim.workload;

import dev.replsim.metrics.ClientHistory;

/**
 * How one {@link Client} writes: when, to which keys, and what statements; and how it reads. Each
 * chooser draws from the client's own seeded streams.
 *
 * @param name the client's name, which prefixes the values it writes ({@code c1-42})
 * @param arrivals when it writes, or null to write as fast as the leader answers (closed loop)
 * @param maxOutstanding in a closed loop, how many writes it keeps unanswered
 * @param writeTimeoutMicros how long it waits for an answer (to a write or a read) before giving up
 * @param leader the name of the node it writes to
 * @param reads how it reads, or null if it does not
 * @param history where its operations are recorded, or null to record none
 * @param failover whether another node may come to lead (an election or a switchover), so that a
 *     client that lost its leader looks for the new one rather than waiting for it to restart
 */
public record ClientPlan(
    String name,
    ArrivalProcess arrivals,
    KeyChooser keys,
    int valueBytes,
    int maxOutstanding,
    StatementChooser statements,
    long writeTimeoutMicros,
    String leader,
    ReadPlan reads,
    ClientHistory history,
    boolean failover) {

  /** Ends its writes' and reads' arrivals at {@code endMicros}: the run was stopped early. */
  public void endArrivalsAt(long endMicros) {
    if (arrivals != null) {
      arrivals.endAt(endMicros);
    }
    if (reads != null && reads.arrivals() != null) {
      reads.arrivals().endAt(endMicros);
    }
  }

  /** A closed-loop plan: no arrival process, as fast as the leader answers. */
  public boolean closedLoop() {
    return arrivals == null;
  }

  /**
   * How a client reads.
   *
   * @param arrivals when it reads at its own rate (idle at rate 0, when it reads only in probes), or
   *     null for none
   * @param keys which keys those reads read, from a stream of their own
   * @param router which node each read goes to
   * @param session the session guarantee it keeps
   * @param sessionTimeoutMicros how long a follower may hold a read for the session's position
   * @param probeDelayMicros how long after a write's acknowledgement to read its key; -1 for no probes
   */
  public record ReadPlan(ArrivalProcess arrivals, KeyChooser keys, ReadRouter router, Session session,
      long sessionTimeoutMicros, long probeDelayMicros) {}
}
