package dev.replsim.metrics;

import java.util.Arrays;

/**
 * Per LSN, the true instant the leader appended it and the bytes of the log up to it, so that a
 * follower's receive, durable and apply times turn into lags, and a position into bytes behind.
 * Written by the leader only; read by other threads for LSNs whose append happened-before the
 * read (the entry reached them through a message, or the leader's last LSN was read first).
 * Chunks are never moved once allocated, so a reader never sees a half-copied array.
 */
final class LsnIndex {

  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;

  private volatile long[][] appendedAt = new long[16][];
  private volatile long[][] bytesUpTo = new long[16][];

  /** Records the append of {@code lsn} (from 1) at {@code atMicros}, bringing the log to {@code bytes}. */
  void put(long lsn, long atMicros, long bytes) {
    appendedAt = store(appendedAt, lsn, atMicros);
    bytesUpTo = store(bytesUpTo, lsn, bytes);
  }

  /** The append instant of {@code lsn}, or -1 if it is not known. */
  long appendedAt(long lsn) {
    return load(appendedAt, lsn, -1);
  }

  /** The bytes of the log from LSN 1 to {@code lsn} inclusive; 0 for LSN 0. */
  long bytesUpTo(long lsn) {
    return load(bytesUpTo, lsn, 0);
  }

  private static long[][] store(long[][] chunks, long lsn, long value) {
    int c = (int) (lsn >>> CHUNK_BITS);
    long[][] cs = chunks;
    if (c >= cs.length) {
      cs = Arrays.copyOf(cs, Math.max(cs.length * 2, c + 1));
    }
    if (cs[c] == null) {
      cs[c] = new long[CHUNK];
    }
    cs[c][(int) (lsn & (CHUNK - 1))] = value;
    return cs; // the caller republishes it through a volatile write
  }

  private static long load(long[][] chunks, long lsn, long unknown) {
    int c = (int) (lsn >>> CHUNK_BITS);
    if (lsn < 1 || c >= chunks.length || chunks[c] == null) {
      return unknown;
    }
    return chunks[c][(int) (lsn & (CHUNK - 1))];
  }
}
