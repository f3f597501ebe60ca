package dev.replsim.check;

import static dev.replsim.check.Histories.history;
import static dev.replsim.check.Histories.read;
import static dev.replsim.check.Histories.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replsim.check.MonotonicReads.Scope;
import dev.replsim.check.MonotonicReads.Violation;
import org.junit.jupiter.api.Test;

/** A client must not see an older state after a newer one. */
class MonotonicReadsTest {

  private static Findings<Violation> check(History h) {
    return MonotonicReads.check(h, 10);
  }

  @Test
  void seeingAnOlderVersionOfAKeyAfterANewerOneIsAViolation() {
    Findings<Violation> found = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        write("c1", "a", "A2").at(20, 30).lsn(2),
        read("c2", "a", "A2").at(40, 41).on("follower-1"),
        read("c2", "a", "A1").at(50, 51).on("follower-2")));

    assertEquals(1, found.count());
    Violation v = found.samples().get(0);
    assertEquals(Scope.SAME_KEY, v.scope());
    assertEquals("A2", v.earlier().value());
    assertEquals("A1", v.later().value());
    assertEquals("same-key", v.details().get("scope"));
  }

  @Test
  void readsThatOverlapInTimeAreNotOrderedSoNeitherIsOlder() {
    Findings<Violation> found = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        write("c1", "a", "A2").at(20, 30).lsn(2),
        read("c2", "a", "A2").at(40, 41),
        read("c2", "a", "A1").at(40.5, 51)));

    assertEquals(0, found.count());
  }

  @Test
  void anotherClientsNewerReadDoesNotBindThisClient() {
    Findings<Violation> found = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        write("c1", "a", "A2").at(20, 30).lsn(2),
        read("c3", "a", "A2").at(40, 41),
        read("c2", "a", "A1").at(50, 51)));

    assertEquals(0, found.count());
  }

  @Test
  void aStateWithoutAWriteBelowAnLsnAlreadySeenIsOlderAcrossKeys() {
    // b = B at LSN 2 was seen, so that state held LSN 1, where a was written; a later absent a is older
    Findings<Violation> found = check(history(
        write("c1", "a", "A").at(0, 10).lsn(1),
        write("c1", "b", "B").at(20, 30).lsn(2),
        read("c2", "b", "B").at(40, 41),
        read("c2", "a", null).at(50, 51)));

    assertEquals(1, found.count());
    Violation v = found.samples().get(0);
    assertEquals(Scope.ACROSS_KEYS, v.scope());
    assertEquals("A", v.missed().value());
  }

  @Test
  void anAbsentKeyWhoseFirstWriteCameLaterIsNotProvablyOlder() {
    // the same, but a was written at LSN 3: a state at LSN 2 lacks it, so nothing went backwards
    Findings<Violation> found = check(history(
        write("c1", "b", "B").at(0, 10).lsn(2),
        write("c1", "a", "A").at(20, 30).lsn(3),
        read("c2", "b", "B").at(40, 41),
        read("c2", "a", null).at(50, 51)));

    assertEquals(0, found.count());
    assertEquals(1, found.checked());
  }

  @Test
  void readingTheOldStateFirstAndTheNewOneAfterIsFine() {
    Findings<Violation> found = check(history(
        write("c1", "a", "A").at(0, 10).lsn(1),
        write("c1", "b", "B").at(20, 30).lsn(2),
        read("c2", "a", null).at(40, 41),
        read("c2", "b", "B").at(50, 51)));

    assertEquals(0, found.count());
  }
}
