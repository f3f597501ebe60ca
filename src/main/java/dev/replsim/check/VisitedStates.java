package dev.replsim.check;

import java.util.Arrays;

/**
 * The states a linearizability search has already explored: pairs of (the set of operations
 * linearized so far, the register's value then). Reaching a state again by another order cannot
 * lead anywhere new, so the search skips it; this memoization is what keeps Wing and Gong's search
 * from being exponential on ordinary histories (Lowe, "Testing for linearizability", 2017).
 *
 * <p>A set is stored canonically, without the run of leading words whose operations are all
 * linearized and without trailing empty words: operations are numbered in invoke order and are
 * linearized roughly in that order, so a stored set is as long as the window of concurrent
 * operations, not the history. Open addressing on the set's incrementally maintained hash.
 */
final class VisitedStates {

  private long[] hashes = new long[1 << 10];
  private int[] values = new int[1 << 10];
  private int[] firstWords = new int[1 << 10];
  private long[][] words = new long[1 << 10][];
  private int size;

  /**
   * Adds a state; false if it was there already.
   *
   * @param bits the linearized set, one bit per operation
   * @param setHash a hash of {@code bits} (equal sets, equal hashes)
   * @param value the register's value
   */
  boolean add(long[] bits, long setHash, int value) {
    int first = 0;
    while (first < bits.length && bits[first] == -1L) {
      first++;
    }
    int last = bits.length - 1;
    while (last >= first && bits[last] == 0) {
      last--;
    }
    int length = last - first + 1;
    long hash = mix(setHash ^ mix(value + 0x5bd1e995L));
    int mask = hashes.length - 1;
    int slot = (int) hash & mask;
    while (words[slot] != null) {
      if (hashes[slot] == hash && values[slot] == value && firstWords[slot] == first
          && words[slot].length == length
          && Arrays.equals(words[slot], 0, length, bits, first, first + length)) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    hashes[slot] = hash;
    values[slot] = value;
    firstWords[slot] = first;
    words[slot] = Arrays.copyOfRange(bits, first, first + length);
    if (++size * 2 > hashes.length) {
      grow();
    }
    return true;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldHashes = hashes;
    int[] oldValues = values;
    int[] oldFirst = firstWords;
    long[][] oldWords = words;
    int capacity = oldHashes.length * 2;
    hashes = new long[capacity];
    values = new int[capacity];
    firstWords = new int[capacity];
    words = new long[capacity][];
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldWords[i] != null) {
        int slot = (int) oldHashes[i] & (capacity - 1);
        while (words[slot] != null) {
          slot = (slot + 1) & (capacity - 1);
        }
        hashes[slot] = oldHashes[i];
        values[slot] = oldValues[i];
        firstWords[slot] = oldFirst[i];
        words[slot] = oldWords[i];
      }
    }
  }

  /** SplitMix64's finalizer: a well-spread 64-bit hash of a 64-bit number. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
