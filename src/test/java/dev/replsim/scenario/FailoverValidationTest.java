package dev.replsim.scenario;

import static dev.replsim.scenario.ScenarioFiles.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.protocol.ElectionSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code failover} section's rules, as the message a user sees; each case on line 2 of a file. */
class FailoverValidationTest {

  @TempDir Path dir;
  ScenarioFiles files;

  @BeforeEach
  void setUp() {
    files = new ScenarioFiles(dir);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
failover.strategy = elect                           | failover.strategy = elect is not a failover strategy: must be none, election or manual
failover { strategy = election, timeout = 60ms }    | failover.timeout = 60ms is shorter than two heartbeat intervals (failover.heartbeat-interval = 50ms)
failover.detector = phy                             | failover.detector = phy is not a failure detector: must be fixed or phi; did you mean phi?
failover.phi-threshold = 0                          | failover.phi-threshold = 0 is out of range: must be a number above 0 and at most 100
failover.enabled = maybe                            | failover.enabled = "maybe" is not a boolean: must be true or false
faults = [ { at = 1s, action = switchover } ]       | faults[0].action = switchover needs failover: set failover.strategy = manual (or election)
failover.timeout = { min = 300ms, max = 150ms }     | failover.timeout.max = 150ms is less than failover.timeout.min = 300ms: the range needs min <= max
failover.timeout = { min = 0ms, max = 150ms }       | failover.timeout.min = 0ms is out of range: must be at least 1ms
failover.timeout = { min = 150ms }                  | has no max: must be a duration of at least 1ms, e.g. 500ms, or a range { min = 150ms, max = 300ms }
failover.timeout = { min = 150ms, maks = 300ms }    | unknown key failover.timeout.maks; failover.timeout takes min and max
failover.timeout = { min = 60ms, max = 300ms }      | failover.timeout.min = 60ms is shorter than two heartbeat intervals (failover.heartbeat-interval = 50ms)
failover.timeout = 0ms                              | failover.timeout = 0ms is out of range: must be a duration of at least 1ms, e.g. 500ms, or a range
failover.pre-vote = maybe                           | failover.pre-vote = maybe is not on or off: must be on or off
failover.lease = 2                                  | failover.lease = 2 is not on or off: must be on or off
failover.vote-rule = all                            | failover.vote-rule = all is not a vote rule: must be log or any
failover.heartbeat-interval = often                 | failover.heartbeat-interval = often is not a duration
failover { heartbeat-interval = auto, timeout = 1ms } | failover.heartbeat-interval = auto would be 500us, half of failover.timeout: auto needs a timeout of at least 2ms
nemesis { interval = 2s, duration = 1s, jitter = 1500ms } | nemesis.duration = 1s is out of range: must be at most nemesis.interval = 2000ms less nemesis.jitter = 1500ms
          """)
  void badFailoverSettingsAreRefusedWithFileLineKeyAndWhatIsAllowed(String setting, String expected) {
    Path file = files.write("s.conf", "# line 1", setting);
    String message = error(file);
    assertTrue(message.startsWith(file + ":2: "), message);
    assertTrue(message.contains(expected), message);
  }

  @Test
  void aRangeGivesTheLeastAndGreatestTimeoutAndAutoHeartbeatsEveryHalfTheLeast() throws Exception {
    Path file = files.write("s.conf", "failover { strategy = election, timeout = { min = 25ms, max = 50ms },",
        "heartbeat-interval = auto, pre-vote = off, vote-rule = any, lease = off }");
    FailoverSettings f = ScenarioLoader.load(file).failover();
    assertEquals(new ElectionSettings(ElectionSettings.Strategy.ELECTION, 25_000, 50_000, true,
        ElectionSettings.Detector.FIXED, 8, false, ElectionSettings.VoteRule.ANY, false), f.election());
    assertEquals(java.time.Duration.ofNanos(12_500_000), f.heartbeatInterval(), "12.5 ms, to the microsecond");
  }

  @Test
  void thePlainTimeoutKeepsItsMeaningWithPreVoteRaftsRuleAndTheLease() throws Exception {
    Path file = files.write("s.conf", "failover { strategy = election, timeout = 500ms }");
    FailoverSettings f = ScenarioLoader.load(file).failover();
    assertEquals(new ElectionSettings(ElectionSettings.Strategy.ELECTION, 500_000, true,
        ElectionSettings.Detector.FIXED, 8), f.election());
    assertEquals(999_999, f.election().maxTimeoutMicros(), "[t, 2t) as before");
    assertTrue(f.election().preVote() && f.election().lease());
    assertEquals(ElectionSettings.VoteRule.LOG, f.election().voteRule());
  }

  @Test
  void theCommandLineSetsThePlainFormOverARangeOrAnotherRangeAndAutoHeartbeatsFollow() throws Exception {
    Path file = files.write("s.conf",
        "failover { strategy = election, timeout = { min = 150ms, max = 300ms }, heartbeat-interval = auto }");
    ElectionSettings plain = ScenarioLoader.load(file, java.util.List.of(new SettingOverride("--set",
        "failover.timeout=200ms"))).failover().election();
    assertEquals(200_000, plain.timeoutMicros());
    assertEquals(399_999, plain.maxTimeoutMicros());
    FailoverSettings moved = ScenarioLoader.load(file, java.util.List.of(new SettingOverride("--set",
        "failover.timeout={min=12ms,max=24ms}"))).failover();
    assertEquals(12_000, moved.election().timeoutMicros());
    assertEquals(24_000, moved.election().maxTimeoutMicros());
    assertEquals(java.time.Duration.ofMillis(6), moved.heartbeatInterval(), "auto follows the least timeout");
  }

  @Test
  void enabledIsTheFirstSpellingOfAnElection() throws Exception {
    Path file = files.write("s.conf", "failover.enabled = true");
    assertEquals(ElectionSettings.Strategy.ELECTION,
        ScenarioLoader.load(file).failover().election().strategy());
  }
}
