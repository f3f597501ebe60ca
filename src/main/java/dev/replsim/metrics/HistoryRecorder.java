package dev.replsim.metrics;

import dev.replsim.check.History;
import dev.replsim.check.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The history of a run: every client's operations ({@link ClientHistory}), merged at the end into
 * one {@link History} for the checkers. Operations are numbered 1, 2, ... in the order they were
 * invoked, and timed like every output, in microseconds since the writes started.
 */
public final class HistoryRecorder {

  private record Numbered(String client, ClientHistory.Recorded op, int seq) {}

  private final List<ClientHistory> clients = new CopyOnWriteArrayList<>();
  private final StaleReadMeter staleReads;

  /** A history whose stale reads are also counted as they happen, into {@code staleReads}. */
  public HistoryRecorder(StaleReadMeter staleReads) {
    this.staleReads = staleReads;
  }

  public HistoryRecorder() {
    this(new StaleReadMeter());
  }

  /** A new client's history; each client records into its own. */
  public ClientHistory client(String name) {
    ClientHistory history = new ClientHistory(name, staleReads);
    clients.add(history);
    return history;
  }

  /** Operations recorded so far by closed clients: call after every client has closed its history. */
  public int size() {
    return clients.stream().filter(ClientHistory::closed).mapToInt(c -> c.operations().size()).sum();
  }

  /**
   * Every closed client's operations as one history, timed from {@code writeStartMicros}.
   *
   * @throws IllegalArgumentException if the operations do not form a valid history (see {@link History#of})
   */
  public History history(long writeStartMicros) {
    List<Numbered> all = new ArrayList<>();
    for (ClientHistory c : clients) {
      if (!c.closed()) {
        continue;
      }
      List<ClientHistory.Recorded> ops = c.operations();
      for (int i = 0; i < ops.size(); i++) {
        all.add(new Numbered(c.client(), ops.get(i), i));
      }
    }
    all.sort(Comparator.comparingLong((Numbered n) -> n.op().invokeMicros())
        .thenComparing(Numbered::client).thenComparingInt(Numbered::seq));
    List<Operation> operations = new ArrayList<>(all.size());
    long id = 1;
    for (Numbered n : all) {
      ClientHistory.Recorded op = n.op();
      long invoke = Math.max(0, op.invokeMicros() - writeStartMicros);
      long complete = Math.max(invoke, op.completeMicros() - writeStartMicros);
      operations.add(new Operation(id++, n.client(), op.kind(), op.key(), op.value(), invoke, complete,
          op.outcome(), op.node(), op.lsn()));
    }
    return History.of(operations);
  }
}
