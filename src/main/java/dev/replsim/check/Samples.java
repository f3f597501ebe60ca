package dev.replsim.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Counts offences and keeps the {@code limit} earliest of them (by {@link Anomaly#atMicros}), so
 * the samples do not depend on the order a checker happens to visit clients and keys in.
 */
final class Samples<A extends Anomaly> {

  private static final Comparator<Anomaly> EARLIEST =
      Comparator.comparingLong(Anomaly::atMicros).thenComparing(a -> a.details().toString());

  private final int limit;
  private final PriorityQueue<A> latestFirst;
  private long count;

  Samples(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("sample limit must be at least 0, got " + limit);
    }
    this.limit = limit;
    this.latestFirst = new PriorityQueue<>(EARLIEST.reversed());
  }

  void add(A anomaly) {
    count++;
    if (limit == 0) {
      return;
    }
    latestFirst.add(anomaly);
    if (latestFirst.size() > limit) {
      latestFirst.poll();
    }
  }

  long count() {
    return count;
  }

  Findings<A> findings(long checked) {
    List<A> earliest = new ArrayList<>(latestFirst);
    earliest.sort(EARLIEST);
    return new Findings<>(checked, count, earliest);
  }
}
