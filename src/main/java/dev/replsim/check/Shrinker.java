package dev.replsim.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shrinks a non-linearizable register history to a local minimum, in the manner of Zeller's delta
 * debugging: remove a chunk of operations, keep the removal if the rest still fails, and halve the
 * chunks when no chunk can go, down to single operations. Removing a write also removes the reads
 * of its value, so that what remains fails for the original reason, not because a read lost its
 * write; such a subset of a linearizable history is always linearizable, so what remains is a true
 * witness against the whole history.
 */
final class Shrinker {

  /** What shrinking left, and whether it reached a local minimum within the budget. */
  record Shrunk(List<Operation> operations, boolean minimal) {}

  private final long stepsPerSearch;
  private long stepsLeft;

  private Shrinker(long stepsPerSearch, long totalSteps) {
    this.stepsPerSearch = stepsPerSearch;
    this.stepsLeft = totalSteps;
  }

  /**
   * Shrinks {@code failing}, one key's operations that are not linearizable, spending at most
   * {@code totalSteps} search steps (each search at most {@code stepsPerSearch}).
   */
  static Shrunk shrink(List<Operation> failing, long stepsPerSearch, long totalSteps) {
    return new Shrinker(stepsPerSearch, totalSteps).run(failing);
  }

  private Shrunk run(List<Operation> failing) {
    List<Operation> current = failing;
    int chunks = 2;
    while (current.size() > 1) {
      int size = (current.size() + chunks - 1) / chunks;
      boolean removed = false;
      for (int start = 0; start < current.size() && !removed; start += size) {
        List<Operation> candidate = without(current, current.subList(start, Math.min(current.size(), start + size)));
        if (candidate.isEmpty() || candidate.size() == current.size()) {
          continue;
        }
        if (stepsLeft <= 0) {
          return new Shrunk(current, false);
        }
        if (fails(candidate)) {
          current = candidate;
          chunks = Math.max(chunks - 1, 2);
          removed = true;
        }
      }
      if (!removed) {
        if (size == 1) {
          break;
        }
        chunks = Math.min(chunks * 2, current.size());
      }
    }
    return new Shrunk(current, true);
  }

  private boolean fails(List<Operation> candidate) {
    RegisterSearch.Result result =
        RegisterSearch.run(RegisterHistory.of(candidate), Math.min(stepsPerSearch, stepsLeft));
    stepsLeft -= result.steps();
    return result.verdict() == LinearizabilityResult.Verdict.NOT_LINEARIZABLE;
  }

  /** {@code ops} without {@code removed} and without the reads of the values removed writes wrote. */
  static List<Operation> without(List<Operation> ops, List<Operation> removed) {
    Set<Long> gone = new HashSet<>();
    Set<String> goneValues = new HashSet<>();
    for (Operation op : removed) {
      gone.add(op.id());
      if (op.isWrite()) {
        goneValues.add(op.value());
      }
    }
    List<Operation> kept = new ArrayList<>();
    for (Operation op : ops) {
      boolean readOfGone = op.isRead() && op.value() != null && goneValues.contains(op.value());
      if (!gone.contains(op.id()) && !readOfGone) {
        kept.add(op);
      }
    }
    return kept;
  }
}
