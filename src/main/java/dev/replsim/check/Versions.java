package dev.replsim.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The version order of one key: its writes ordered by their position in the log (LSN), the order
 * in which every replica applies them. A read of value {@code v} reflects the version {@code v}
 * wrote; a read of an absent key reflects version 0, older than every write.
 *
 * <p>A write without a known position ({@code lsn == 0}) is not placed in the order; a read that
 * saw it, or saw a value nobody wrote to the key, is {@link #UNPLACED}, and checkers that compare
 * versions skip it rather than guess.
 */
public final class Versions {

  /** The version of a read whose value cannot be placed in the key's order. */
  public static final long UNPLACED = -1;

  private final String key;
  private final Map<String, Operation> byValue = new HashMap<>();
  private final List<Operation> placed = new ArrayList<>();
  private final long[] positions;

  private Versions(String key, List<Operation> operations) {
    this.key = key;
    for (Operation op : operations) {
      if (op.isWrite()) {
        byValue.put(op.value(), op);
        if (op.placed()) {
          placed.add(op);
        }
      }
    }
    placed.sort(Comparator.comparingLong(Operation::lsn));
    positions = placed.stream().mapToLong(Operation::lsn).toArray();
  }

  /** The version order of these operations' writes to {@code key}. */
  static Versions of(String key, List<Operation> operations) {
    return new Versions(key, operations);
  }

  public String key() {
    return key;
  }

  /** The write of this value to the key; null for null (absent) or a value never written. */
  public Operation writeOf(String value) {
    return value == null ? null : byValue.get(value);
  }

  /**
   * The version a read reflects: 0 for an absent key, the LSN of the write it saw, or
   * {@link #UNPLACED} when that write has no LSN or nobody wrote the value.
   */
  public long versionSeenBy(Operation read) {
    if (read.value() == null) {
      return 0;
    }
    Operation write = byValue.get(read.value());
    return write != null && write.placed() ? write.lsn() : UNPLACED;
  }

  /** The placed writes, oldest version first. */
  public List<Operation> placed() {
    return Collections.unmodifiableList(placed);
  }

  /** The oldest write newer than version {@code lsn}, or null if there is none. */
  public Operation nextAfter(long lsn) {
    int i = firstAbove(lsn);
    return i < placed.size() ? placed.get(i) : null;
  }

  /** The index of the first placed write whose LSN exceeds {@code lsn}. */
  int firstAbove(long lsn) {
    int lo = 0;
    int hi = positions.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (positions[mid] <= lsn) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
