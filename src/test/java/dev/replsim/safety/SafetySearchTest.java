package dev.replsim.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.batch.Batch;
import dev.replsim.scenario.SettingOverride;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The safety search over 200 seeds: every invariant holds. And it has teeth: with fencing off (a
 * deposed leader goes on taking writes) the same search finds violations within a few seeds.
 */
class SafetySearchTest {

  private static final int RUNS = 200;

  @Test
  void twoHundredGeneratedScenariosKeepEveryInvariant() throws Exception {
    List<SafetySearch.Outcome> outcomes = new SafetySearch(new SafetyCheck(List.of()), 2).run(1, RUNS, Batch.SILENT);

    assertEquals(RUNS, outcomes.size());
    String failed = outcomes.stream().filter(SafetySearch.Outcome::failed)
        .map(o -> "seed " + o.scenario().seed() + ": " + (o.error() != null ? o.error() : o.violations())
            + " (replsim check-safety --seed " + o.scenario().seed() + " --runs 1)")
        .collect(Collectors.joining("\n"));
    assertEquals("", failed);
  }

  @Test
  void withoutFencingTheSearchFindsSplitBrainWithinItsBudget() throws Exception {
    List<SafetySearch.Outcome> outcomes = broken("failover.fencing=false", 20);

    assertTrue(outcomes.size() >= 5, "runs that broke an invariant without fencing: " + outcomes.size() + " of 20");
  }

  @Test
  void withVotesGrantedRegardlessOfTheLogTheSearchFindsLostWrites() throws Exception {
    List<SafetySearch.Outcome> outcomes = broken("failover.vote-rule=any", RUNS);

    assertTrue(outcomes.stream().anyMatch(o -> o.violations().stream()
            .anyMatch(v -> v.invariant().equals("no-acknowledged-write-lost"))),
        "a candidate without the acknowledged writes won: " + outcomes.stream()
            .map(o -> o.scenario().seed() + " " + o.violations()).toList());
  }

  /** The runs among the first {@code runs} seeds that break an invariant with {@code override} set. */
  private static List<SafetySearch.Outcome> broken(String override, int runs) throws InterruptedException {
    SafetyCheck check = new SafetyCheck(List.of(new SettingOverride("--set", override)));
    return new SafetySearch(check, 2).run(1, runs, Batch.SILENT).stream().filter(SafetySearch.Outcome::failed).toList();
  }
}
