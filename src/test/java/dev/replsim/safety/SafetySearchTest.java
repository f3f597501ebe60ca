package dev.replsim.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    List<SafetySearch.Outcome> outcomes = new SafetySearch(new SafetyCheck(List.of()), 2).run(1, RUNS, n -> { });

    assertEquals(RUNS, outcomes.size());
    String failed = outcomes.stream().filter(SafetySearch.Outcome::failed)
        .map(o -> "seed " + o.scenario().seed() + ": " + (o.error() != null ? o.error() : o.violations())
            + " (replsim check-safety --seed " + o.scenario().seed() + " --runs 1)")
        .collect(Collectors.joining("\n"));
    assertEquals("", failed);
  }

  @Test
  void withoutFencingTheSearchFindsSplitBrainWithinItsBudget() throws Exception {
    SafetyCheck fenceless = new SafetyCheck(List.of(new SettingOverride("--set", "failover.fencing=false")));

    List<SafetySearch.Outcome> outcomes = new SafetySearch(fenceless, 2).run(1, 20, n -> { });

    long broken = outcomes.stream().filter(SafetySearch.Outcome::failed).count();
    assertTrue(broken >= 3, "runs that broke an invariant without fencing: " + broken + " of 20");
  }
}
