package dev.replsim.check;

import static dev.replsim.check.Histories.history;
import static dev.replsim.check.Histories.read;
import static dev.replsim.check.Histories.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replsim.check.StaleReads.StaleRead;
import org.junit.jupiter.api.Test;

/** A read is stale when it misses a write acknowledged before it was invoked. */
class StaleReadsTest {

  private static StaleReads.Report check(History h) {
    return StaleReads.check(h, 10);
  }

  @Test
  void aReadMissingAWriteAcknowledgedBeforeItWasInvokedIsStale() {
    StaleReads.Report report = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        write("c1", "a", "A2").at(20, 30).lsn(2),
        read("c2", "a", "A1").at(40, 41)));

    assertEquals(1, report.findings().count());
    StaleRead stale = report.findings().samples().get(0);
    assertEquals("A2", stale.newestMissed().value());
    assertEquals("A1", stale.seen().value());
    assertEquals(1, stale.missedVersions());
    assertEquals(10_000, stale.staleMicros(), "A2 was acknowledged 10 ms before the read");
  }

  @Test
  void theSameReadInvokedBeforeTheWriteWasAcknowledgedIsNotStale() {
    StaleReads.Report report = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        write("c1", "a", "A2").at(20, 30).lsn(2),
        read("c2", "a", "A1").at(29, 41)));

    assertEquals(1, report.findings().checked());
    assertEquals(0, report.findings().count());
  }

  @Test
  void stalenessCountsEveryAcknowledgedVersionMissedAndTimesTheNewest() {
    StaleReads.Report report = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        write("c1", "a", "A2").at(20, 30).lsn(2),
        write("c1", "a", "A3").at(40, 50).lsn(3),
        write("c1", "a", "A4").at(60, 100).lsn(4), // still in flight when the read starts
        read("c2", "a", null).at(55, 56)));

    StaleRead stale = report.findings().samples().get(0);
    assertEquals(3, stale.missedVersions());
    assertEquals("A3", stale.newestMissed().value());
    assertEquals(5_000, stale.staleMicros());
    assertEquals(3, report.versions().max());
    assertEquals(5, report.staleMs().max());
  }

  @Test
  void aReadOfAVersionNewerThanEveryAcknowledgedWriteIsNotStale() {
    StaleReads.Report report = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        write("c1", "a", "A2").at(20, 60).lsn(2),
        read("c2", "a", "A2").at(40, 41)));

    assertEquals(0, report.findings().count());
  }

  @Test
  void writesToOtherKeysDoNotMakeAReadStale() {
    StaleReads.Report report = check(history(
        write("c1", "b", "B1").at(0, 10).lsn(1),
        read("c2", "a", null).at(40, 41)));

    assertEquals(0, report.findings().count());
  }

  @Test
  void aReadOfAValueNobodyWroteIsNotJudged() {
    StaleReads.Report report = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        read("c2", "a", "garbage").at(40, 41)));

    assertEquals(0, report.findings().checked());
  }

  @Test
  void samplesAreBoundedButTheCountIsExact() {
    History h = history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        read("c2", "a", null).at(40, 41),
        read("c3", "a", null).at(20, 21),
        read("c4", "a", null).at(30, 31));

    Findings<StaleRead> findings = StaleReads.check(h, 2).findings();

    assertEquals(3, findings.count());
    assertEquals(2, findings.samples().size());
    assertEquals("c3", findings.samples().get(0).read().client(), "the earliest offences are kept");
    assertEquals("c4", findings.samples().get(1).read().client());
  }
}
