package dev.replsim.check;

import dev.replsim.check.LinearizabilityResult.KeyResult;
import dev.replsim.check.LinearizabilityResult.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a history is linearizable (Herlihy and Wing, 1990) with every key a read-write
 * register: there is one order of the operations, consistent with real time (an operation that
 * completed before another was invoked comes first), in which every read returns the value of the
 * latest write before it, or absent if there is none. OK operations take effect between their
 * invoke and complete; FAILED operations never take effect; UNKNOWN writes take effect at any time
 * after their invoke, or never.
 *
 * <p>Linearizability is local (P-compositional): a history is linearizable exactly when each key's
 * sub-history is, so each key is searched on its own ({@link RegisterSearch}) with a step budget,
 * and a key whose search runs out of budget is reported {@code unknown (too large)} rather than
 * hanging the run. A key that fails is shrunk ({@link Shrinker}) to a minimal counterexample.
 * Meant for runs of up to about 10,000 operations.
 */
public final class Linearizability {

  private Linearizability() {}

  /**
   * How hard to try.
   *
   * @param stepsPerKey search steps before a key is reported unknown
   * @param counterexamples how many failing keys to shrink to a counterexample
   * @param shrinkSteps search steps to spend shrinking each of them
   */
  public record Settings(long stepsPerKey, int counterexamples, long shrinkSteps) {

    /**
     * 2 million steps per key, one counterexample shrunk with up to 10 million. A step takes well
     * under a microsecond and keeps at most one visited state (tens of bytes), so a key that runs
     * out of budget costs about a second and some 200 MB at worst; a linearizable history needs
     * about one step per operation.
     */
    public static final Settings DEFAULT = new Settings(2_000_000, 1, 10_000_000);

    public Settings {
      if (stepsPerKey <= 0 || counterexamples < 0 || shrinkSteps < 0) {
        throw new IllegalArgumentException("need stepsPerKey > 0, counterexamples >= 0 and "
            + "shrinkSteps >= 0, got " + stepsPerKey + ", " + counterexamples + ", " + shrinkSteps);
      }
    }
  }

  /** Checks with the {@link Settings#DEFAULT default settings}. */
  public static LinearizabilityResult check(History history) {
    return check(history, Settings.DEFAULT);
  }

  public static LinearizabilityResult check(History history, Settings settings) {
    List<KeyResult> keys = new ArrayList<>();
    List<Counterexample> counterexamples = new ArrayList<>();
    for (String key : history.keys()) {
      RegisterHistory register = RegisterHistory.of(history.onKey(key));
      RegisterSearch.Result result = RegisterSearch.run(register, settings.stepsPerKey());
      keys.add(new KeyResult(key, register.size(), result.verdict(), result.steps()));
      if (result.verdict() == Verdict.NOT_LINEARIZABLE && counterexamples.size() < settings.counterexamples()) {
        counterexamples.add(counterexample(history, key, register, settings));
      }
    }
    return new LinearizabilityResult(overall(keys), keys, counterexamples);
  }

  private static Verdict overall(List<KeyResult> keys) {
    if (keys.stream().anyMatch(k -> k.verdict() == Verdict.NOT_LINEARIZABLE)) {
      return Verdict.NOT_LINEARIZABLE;
    }
    return keys.stream().anyMatch(k -> k.verdict() == Verdict.UNKNOWN) ? Verdict.UNKNOWN : Verdict.LINEARIZABLE;
  }

  private static Counterexample counterexample(
      History history, String key, RegisterHistory register, Settings settings) {
    Operation read = register.unjustifiedRead;
    if (read != null) {
      Operation write = history.versions(key).writeOf(read.value());
      List<Operation> ops = write == null ? List.of(read)
          : write.invokeMicros() <= read.invokeMicros() ? List.of(write, read) : List.of(read, write);
      String why = write == null
          ? "the read returns " + read.value() + ", which no operation wrote"
          : "the read returns " + read.value() + ", written by a write that FAILED (never took effect)";
      return new Counterexample(key, ops, why);
    }
    Shrinker.Shrunk shrunk = Shrinker.shrink(register.operations, settings.stepsPerKey(), settings.shrinkSteps());
    String why = shrunk.minimal()
        ? Counterexample.NO_ORDER
        : Counterexample.NO_ORDER + " (shrinking ran out of budget: perhaps not minimal)";
    return new Counterexample(key, RegisterHistory.of(shrunk.operations()).operations, why);
  }
}
