package dev.replsim.metrics;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.check.Counterexample;
import dev.replsim.check.History;
import dev.replsim.check.Linearizability;
import dev.replsim.check.LinearizabilityResult;
import dev.replsim.check.LinearizabilityResult.Verdict;
import dev.replsim.check.Operation;
import dev.replsim.check.Operation.Outcome;
import dev.replsim.scenario.CheckSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --check linearizable}: checks a run's history with {@link Linearizability} and reports the
 * verdict and minimal counterexamples. The loader refuses runs expected to make more than
 * {@link CheckSettings#MAX_LINEARIZABLE_OPERATIONS} operations; a run that made more anyway (its
 * arrivals are random) is checked on a {@linkplain #prefix prefix} of that many, and says so.
 */
public final class LinearizabilityRun {

  private LinearizabilityRun() {}

  /** Checks {@code history} and records the verdict as a {@code linearizability} event at {@code nowMicros}. */
  static Summary.Linearizability check(History history, Recorder recorder, long nowMicros) {
    int max = CheckSettings.MAX_LINEARIZABLE_OPERATIONS;
    History checked = history;
    Double upToMs = null;
    if (history.size() > max) {
      long cut = history.operations().get(max).invokeMicros();
      checked = prefix(history, cut);
      upToMs = cut / 1000.0;
    }
    LinearizabilityResult result = Linearizability.check(checked);
    List<Summary.Counterexample> counterexamples = new ArrayList<>();
    for (Counterexample c : result.counterexamples()) {
      counterexamples.add(new Summary.Counterexample(c.key(), c.explanation(),
          c.operations().stream().map(Operation::toString).toList()));
    }
    Summary.Linearizability summary = new Summary.Linearizability(result.verdict().label(), history.size(),
        checked.size(), upToMs, result.keys().size(), result.count(Verdict.NOT_LINEARIZABLE),
        result.count(Verdict.UNKNOWN), counterexamples);
    recorder.event(nowMicros, "linearizability", null, details("verdict", summary.verdict(),
        "operations", summary.operations(), "checkedOperations", summary.checkedOperations(),
        "checkedUpToMs", upToMs, "counterexamples", counterexamples));
    return summary;
  }

  /**
   * The history as it stood at {@code cutMicros}: the operations invoked before it, where a write
   * not yet acknowledged by then becomes UNKNOWN (it may take effect, or not) and a read not yet
   * answered observed nothing. If the whole history is linearizable, so is this prefix (a read in
   * it returns a value written before it completed, so by a write invoked before the cut), so a
   * violation it shows is one of the run.
   */
  public static History prefix(History history, long cutMicros) {
    List<Operation> kept = new ArrayList<>();
    for (Operation op : history.operations()) {
      if (op.invokeMicros() >= cutMicros) {
        break; // in invoke order
      }
      if (op.completeMicros() <= cutMicros || op.outcome() != Outcome.OK) {
        kept.add(op);
      } else if (op.isWrite()) {
        kept.add(new Operation(op.id(), op.client(), op.kind(), op.key(), op.value(), op.invokeMicros(), cutMicros,
            Outcome.UNKNOWN, op.node(), op.lsn()));
      } else {
        kept.add(new Operation(op.id(), op.client(), op.kind(), op.key(), null, op.invokeMicros(), cutMicros,
            Outcome.UNKNOWN, op.node(), op.lsn()));
      }
    }
    return History.of(kept);
  }
}
