package dev.replsim.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.api.Simulation;
import dev.replsim.scenario.Scenario;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The scenarios the safety search draws: fixed by their seed, always valid, and of every kind. */
class ScenarioGeneratorTest {

  @Test
  void aSeedNamesItsScenarioForGood() {
    assertEquals(ScenarioGenerator.generate(42).text(), ScenarioGenerator.generate(42).text());
    assertNotEquals(ScenarioGenerator.generate(42).text(), ScenarioGenerator.generate(43).text());
  }

  @Test
  void everyGeneratedScenarioIsValidAndElectsLeaders() {
    for (long seed = 1; seed <= 300; seed++) {
      Scenario s = Simulation.parse(ScenarioGenerator.generate(seed).text()).scenario();
      assertTrue(s.failover().election().elects(), "seed " + seed);
      assertTrue(s.nodes().size() >= 3 && s.nodes().size() <= 5, "seed " + seed);
    }
  }

  @Test
  void twoHundredSeedsCoverEveryModeMethodJournalAndFault() {
    String all = LongStream.rangeClosed(1, 200).mapToObj(ScenarioGenerator::generate).map(GeneratedScenario::text)
        .collect(Collectors.joining("\n"));
    for (String expected : List.of("mode = async", "mode = sync", "mode = semi-sync", "quorum = any", "quorum = first",
        "wait-point = after-sync", "wait-point = after-commit", "method = statement", "method = wal",
        "method = logical", "persistence = h2", "network.loss", "network.reorder = true", "action = crash",
        "wipe = true", "isolate = current-leader", "groups = [[", "one-way = true", "action = pause",
        "action = link", "action = skew", "session-guarantee = read-your-writes", "check.linearizable = true", "pre-vote = off", "pre-vote = on", "timeout = { min")) {
      assertTrue(all.contains(expected), "no scenario with " + expected);
    }
  }

  @Test
  void halfTheSchedulesStrikeOneFaultAtATime() {
    long oneAtATime = LongStream.rangeClosed(1, 100)
        .filter(seed -> FailurePattern.oneAtATime(Simulation.parse(ScenarioGenerator.generate(seed).text()).scenario()))
        .count();
    assertTrue(oneAtATime >= 35 && oneAtATime <= 80, "one fault at a time in " + oneAtATime + " of 100");
  }
}
