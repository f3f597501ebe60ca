package dev.replsim.check;

import static dev.replsim.check.Histories.history;
import static dev.replsim.check.Histories.read;
import static dev.replsim.check.Histories.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** All the read checkers at once, as a driver calls them at the end of a run. */
class ReadAnomaliesTest {

  @Test
  void countsEveryAnomalyAndListsTheSamplesInTimeOrder() {
    History h = history(
        write("c1", "a", "A").at(0, 10).lsn(1),
        write("c1", "b", "B").at(20, 30).lsn(2),
        read("c2", "b", "B").at(40, 41).on("leader"),
        read("c2", "a", null).at(50, 51), // stale; monotonic (across keys); consistent prefix
        read("c1", "a", null).at(60, 61), // stale; read-your-writes
        read("c3", "a", "garbage").at(70, 71));

    ReadAnomalies.Report report = ReadAnomalies.check(h);

    assertEquals(4, report.reads());
    assertEquals(1, report.unplacedReads());
    assertEquals(2, report.stale().findings().count());
    assertEquals(1, report.readYourWrites().count());
    assertEquals(1, report.monotonicReads().count());
    assertEquals(1, report.consistentPrefix().count());
    assertEquals(List.of("stale-read", "monotonic-read-violation", "consistent-prefix-violation",
            "stale-read", "read-your-writes-violation"),
        report.samples().stream().map(Anomaly::type).toList());
    assertEquals(List.of(51_000L, 51_000L, 51_000L, 61_000L, 61_000L),
        report.samples().stream().map(Anomaly::atMicros).toList());
  }

  @Test
  void aHistoryWithoutReadsHasNothingToReport() {
    ReadAnomalies.Report report = ReadAnomalies.check(history(write("c1", "a", "A").at(0, 10).lsn(1)));

    assertEquals(0, report.reads());
    assertEquals(0, report.stale().findings().count());
    assertEquals(0, report.stale().staleMs().max());
    assertEquals(List.of(), report.tVisibility());
  }
}
