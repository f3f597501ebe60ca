package dev.replsim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.check.LinearizabilityResult.Verdict;
import dev.replsim.check.Operation.Kind;
import dev.replsim.check.Operation.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The search agrees with the definition: on thousands of small random histories, a brute force
 * that tries every order (and every choice of which timed-out writes took effect) gives the same
 * verdict, and every counterexample is itself not linearizable and cannot lose an operation.
 */
class LinearizabilityOracleTest {

  @Test
  void agreesWithTryingEveryOrderOnSmallRandomHistories() {
    SplittableRandom random = new SplittableRandom(2024);
    int notLinearizable = 0;
    for (int trial = 0; trial < 3000; trial++) {
      List<Operation> ops = randomHistory(random, 1 + random.nextInt(7));
      History h = History.of(ops);
      boolean expected = bruteForce(ops);
      LinearizabilityResult result = Linearizability.check(h);
      assertEquals(expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE, result.verdict(),
          () -> "history:\n" + render(h.operations()));
      if (!expected) {
        notLinearizable++;
        List<Operation> witness = result.counterexamples().get(0).operations();
        assertTrue(!bruteForce(witness), () -> "not a counterexample:\n" + render(witness));
        for (Operation op : witness) {
          List<Operation> smaller = Shrinker.without(witness, List.of(op));
          assertTrue(bruteForce(smaller), () -> "not minimal:\n" + render(witness));
        }
      }
    }
    assertTrue(notLinearizable > 300, "the random histories exercise both verdicts: " + notLinearizable);
  }

  private static List<Operation> randomHistory(SplittableRandom random, int size) {
    List<Operation> ops = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int id = 1; id <= size; id++) {
      long invoke = random.nextInt(20);
      long complete = invoke + random.nextInt(8);
      boolean write = random.nextBoolean();
      Outcome outcome = random.nextInt(6) == 0 ? (write && random.nextBoolean() ? Outcome.UNKNOWN : Outcome.FAILED)
          : Outcome.OK;
      String value;
      if (write) {
        value = "v" + id;
        values.add(value);
      } else {
        int pick = random.nextInt(values.size() + 1);
        value = pick == values.size() ? null : values.get(pick);
      }
      ops.add(new Operation(id, "c" + random.nextInt(3), write ? Kind.WRITE : Kind.READ, "x", value,
          invoke, complete, outcome, null, 0));
    }
    return ops;
  }

  /** Tries every subset of the timed-out writes and every order of what must and may take effect. */
  static boolean bruteForce(List<Operation> history) {
    List<Operation> certain = new ArrayList<>();
    List<Operation> maybe = new ArrayList<>();
    for (Operation op : history) {
      if (op.ok()) {
        certain.add(op);
      } else if (op.isWrite() && op.outcome() == Outcome.UNKNOWN) {
        maybe.add(op);
      }
    }
    for (int mask = 0; mask < 1 << maybe.size(); mask++) {
      List<Operation> ops = new ArrayList<>(certain);
      for (int i = 0; i < maybe.size(); i++) {
        if ((mask & 1 << i) != 0) {
          ops.add(maybe.get(i));
        }
      }
      if (anyOrder(ops, new ArrayList<>(), new boolean[ops.size()], null)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyOrder(List<Operation> ops, List<Operation> order, boolean[] used, String value) {
    if (order.size() == ops.size()) {
      return true;
    }
    for (int i = 0; i < ops.size(); i++) {
      if (used[i] || !mayGoNext(ops, used, i)) {
        continue;
      }
      Operation op = ops.get(i);
      if (op.isRead() && !Objects.equals(op.value(), value)) {
        continue;
      }
      used[i] = true;
      order.add(op);
      if (anyOrder(ops, order, used, op.isWrite() ? op.value() : value)) {
        return true;
      }
      order.remove(order.size() - 1);
      used[i] = false;
    }
    return false;
  }

  /** No operation still to place completed (OK) before this one was invoked. */
  private static boolean mayGoNext(List<Operation> ops, boolean[] used, int candidate) {
    for (int j = 0; j < ops.size(); j++) {
      Operation other = ops.get(j);
      if (!used[j] && j != candidate && other.ok()
          && other.completeMicros() < ops.get(candidate).invokeMicros()) {
        return false;
      }
    }
    return true;
  }

  private static String render(List<Operation> ops) {
    StringBuilder out = new StringBuilder();
    ops.forEach(op -> out.append(op).append('\n'));
    return out.toString();
  }
}
