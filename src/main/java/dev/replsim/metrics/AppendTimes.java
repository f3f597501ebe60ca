package dev.replsim.metrics;

import java.util.Arrays;

/**
 * The true instant each LSN was appended on the leader, in microseconds, so that a follower's
 * receive, durable and apply times turn into lags. Written by the leader only; read by other
 * threads for LSNs whose append happened-before the read (the entry reached them through a
 * message). Chunks are never moved once allocated, so a reader never sees a half-copied array.
 */
final class AppendTimes {

  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;

  private volatile long[][] chunks = new long[16][];

  /** Records the append instant of {@code lsn} (from 1). */
  void put(long lsn, long atMicros) {
    int c = (int) (lsn >>> CHUNK_BITS);
    long[][] cs = chunks;
    if (c >= cs.length) {
      cs = Arrays.copyOf(cs, Math.max(cs.length * 2, c + 1));
      chunks = cs;
    }
    if (cs[c] == null) {
      cs[c] = new long[CHUNK];
      chunks = cs; // republish so readers see the new chunk
    }
    cs[c][(int) (lsn & (CHUNK - 1))] = atMicros;
  }

  /** The append instant of {@code lsn}, or -1 if it is not known. */
  long get(long lsn) {
    int c = (int) (lsn >>> CHUNK_BITS);
    long[][] cs = chunks;
    if (lsn < 1 || c >= cs.length || cs[c] == null) {
      return -1;
    }
    return cs[c][(int) (lsn & (CHUNK - 1))];
  }
}
