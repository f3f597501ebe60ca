package dev.replsim.protocol;

/**
 * PostgreSQL's estimate of one standby's {@code write_lag}, {@code flush_lag} and
 * {@code replay_lag}, computed as its walsender does (replication/walsender.c, LagTrackerWrite
 * and LagTrackerRead): the leader keeps samples of (LSN, the time it flushed that LSN) as it
 * ships, and when a standby's reply reports a position, the lag is the time since the newest
 * sample at or below that position was flushed, all on the leader's own clock. Between samples
 * it interpolates, so a stuck standby shows a growing lag; after two replies in a row that show
 * everything replayed, the lags are cleared (PostgreSQL shows NULL). A full buffer overwrites its
 * newest sample, thinning the samples.
 */
final class LagTracker {

  /** The reply positions, in the order PostgreSQL's walsender tracks them. */
  static final int WRITE = 0;
  static final int FLUSH = 1;
  static final int REPLAY = 2;

  /** A lag that is not known: PostgreSQL's NULL. */
  static final long UNKNOWN = -1;

  private static final int BUFFER_SIZE = 8192;

  private final long[] lsns = new long[BUFFER_SIZE];
  private final long[] times = new long[BUFFER_SIZE];
  private int writeHead;
  private final int[] readHeads = new int[3];
  private final long[] lastReadLsn = new long[3];
  private final long[] lastReadTime = new long[3];
  private long lastLsn;
  private final long[] lags = {UNKNOWN, UNKNOWN, UNKNOWN};
  private boolean fullyAppliedLastTime;

  /** LagTrackerWrite: WAL up to {@code lsn} was flushed at {@code flushedAt}, on the leader's clock. */
  void record(long lsn, long flushedAt) {
    if (lsn <= lastLsn) {
      return; // only new WAL makes a sample (a resend goes back; PostgreSQL's LSNs never do)
    }
    lastLsn = lsn;
    int newWriteHead = (writeHead + 1) % BUFFER_SIZE;
    for (int head : readHeads) {
      if (newWriteHead == head) {
        // full: overwrite the newest sample, lowering the sampling rate
        newWriteHead = writeHead;
        writeHead = writeHead > 0 ? writeHead - 1 : BUFFER_SIZE - 1;
        break;
      }
    }
    lsns[writeHead] = lsn;
    times[writeHead] = flushedAt;
    writeHead = newWriteHead;
  }

  /**
   * ProcessStandbyReplyMessage: a reply reports the standby's write, flush and replay positions
   * at {@code now}; the lags move to what they show, or stay as they were if no sample was passed.
   *
   * @param sentLsn the last LSN shipped to the standby
   */
  void reply(long writeLsn, long flushLsn, long replayLsn, long sentLsn, long now) {
    long write = read(WRITE, writeLsn, now);
    long flush = read(FLUSH, flushLsn, now);
    long replay = read(REPLAY, replayLsn, now);
    boolean clear = false;
    if (replayLsn == sentLsn) {
      clear = fullyAppliedLastTime;
      fullyAppliedLastTime = true;
    } else {
      fullyAppliedLastTime = false;
    }
    if (write != UNKNOWN || clear) {
      lags[WRITE] = write;
    }
    if (flush != UNKNOWN || clear) {
      lags[FLUSH] = flush;
    }
    if (replay != UNKNOWN || clear) {
      lags[REPLAY] = replay;
    }
  }

  /** The current lag at a position, in microseconds, or {@link #UNKNOWN}. */
  long lag(int position) {
    return lags[position];
  }

  /** LagTrackerRead: the time since the newest sample at or below {@code lsn} was flushed. */
  private long read(int head, long lsn, long now) {
    long time = 0;
    boolean found = false;
    while (readHeads[head] != writeHead && lsns[readHeads[head]] <= lsn) {
      time = times[readHeads[head]];
      found = true;
      lastReadLsn[head] = lsns[readHeads[head]];
      lastReadTime[head] = time;
      readHeads[head] = (readHeads[head] + 1) % BUFFER_SIZE;
    }
    boolean empty = readHeads[head] == writeHead;
    boolean haveLastRead = lastReadLsn[head] != 0;
    if (empty) {
      lastReadLsn[head] = 0; // caught up: an old sample must not be interpolated from later
    }
    if (found) {
      return time > now ? UNKNOWN : now - time;
    }
    if (empty) {
      return UNKNOWN;
    }
    long nextLsn = lsns[readHeads[head]];
    long nextTime = times[readHeads[head]];
    if (haveLastRead) {
      long prevLsn = lastReadLsn[head];
      long prevTime = lastReadTime[head];
      if (lsn < prevLsn || prevTime > nextTime) {
        return UNKNOWN;
      }
      double fraction = (double) (lsn - prevLsn) / (nextLsn - prevLsn);
      time = (long) (prevTime + (nextTime - prevTime) * fraction);
    } else {
      // only a future sample: the lag if it were replayed now
      time = nextTime;
    }
    return time > now ? UNKNOWN : now - time;
  }
}
