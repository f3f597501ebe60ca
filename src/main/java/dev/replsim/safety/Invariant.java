package dev.replsim.safety;

import dev.replsim.api.Result;
import dev.replsim.scenario.Scenario;
import java.util.List;

/**
 * A property every run of a correct replication protocol has, as a predicate over a finished run:
 * it says what is wrong (nothing, when the property holds or does not apply to the scenario), so a
 * search can report the first violation with its seed. Invariants read what the product reports
 * ({@code summary.json}, {@code events.jsonl}), so they check the product's own figures.
 */
public interface Invariant {

  /** A short name for the console and file names, e.g. {@code one-leader-per-term}. */
  String name();

  /** What is wrong with the run, one line each; empty when the invariant holds or does not apply. */
  List<String> violations(Scenario scenario, Result result);

  /** Every invariant the safety search checks, in the order it reports them. */
  static List<Invariant> all() {
    return List.of(new OneLeaderPerTerm(), new NoAcknowledgedWriteLost(), new ReplicasConverge(),
        new LinearizableLeaderReads(), new SessionGuaranteesHold());
  }
}
