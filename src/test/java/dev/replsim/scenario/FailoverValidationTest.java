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
          """)
  void badFailoverSettingsAreRefusedWithFileLineKeyAndWhatIsAllowed(String setting, String expected) {
    Path file = files.write("s.conf", "# line 1", setting);
    String message = error(file);
    assertTrue(message.startsWith(file + ":2: "), message);
    assertTrue(message.contains(expected), message);
  }

  @Test
  void enabledIsTheFirstSpellingOfAnElection() throws Exception {
    Path file = files.write("s.conf", "failover.enabled = true");
    assertEquals(ElectionSettings.Strategy.ELECTION,
        ScenarioLoader.load(file).failover().election().strategy());
  }
}
