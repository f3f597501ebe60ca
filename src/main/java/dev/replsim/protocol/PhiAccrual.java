package dev.replsim.protocol;

/**
 * The phi accrual failure detector (Hayashibara et al., as Cassandra and Pekko's cluster use it):
 * instead of a yes or no after a fixed timeout, a suspicion level phi that grows the longer the
 * next heartbeat is overdue, measured against the spread of recent intervals. phi = 8 means the
 * chance that the leader is alive and its heartbeat merely late is about 10^-8, by those intervals.
 */
final class PhiAccrual {

  private static final int WINDOW = 100;

  private final long[] intervals = new long[WINDOW];
  private final long minStdMicros;
  private int count;
  private int next;
  private long sum;
  private long sumSquares;
  private long lastAt = Long.MIN_VALUE;

  /** @param minStdMicros the least spread assumed, so a perfectly regular stream does not make phi jump */
  PhiAccrual(long minStdMicros) {
    this.minStdMicros = Math.max(1, minStdMicros);
  }

  /** A heartbeat (or any message from the leader) arrived at {@code now}. */
  void heartbeat(long now) {
    if (lastAt != Long.MIN_VALUE) {
      long interval = now - lastAt;
      if (count == WINDOW) {
        long old = intervals[next];
        sum -= old;
        sumSquares -= old * old;
      } else {
        count++;
      }
      intervals[next] = interval;
      next = (next + 1) % WINDOW;
      sum += interval;
      sumSquares += interval * interval;
    }
    lastAt = now;
  }

  /** Forgets every interval: a new leader's heartbeats start a new history. */
  void reset() {
    count = 0;
    next = 0;
    sum = 0;
    sumSquares = 0;
    lastAt = Long.MIN_VALUE;
  }

  /** The suspicion level at {@code now}; 0 before two heartbeats have arrived. */
  double phi(long now) {
    if (count == 0) {
      return 0;
    }
    double mean = (double) sum / count;
    double variance = Math.max(0, (double) sumSquares / count - mean * mean);
    double std = Math.max(Math.sqrt(variance), minStdMicros);
    double y = (now - lastAt - mean) / std;
    // a logistic approximation of the normal distribution's tail, as Pekko's detector uses
    double e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
    double pLater = y > 0 ? e / (1 + e) : 1 - 1 / (1 + e);
    return -Math.log10(Math.max(pLater, Double.MIN_VALUE));
  }
}
