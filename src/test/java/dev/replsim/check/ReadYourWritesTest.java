package dev.replsim.check;

import static dev.replsim.check.Histories.history;
import static dev.replsim.check.Histories.read;
import static dev.replsim.check.Histories.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A client must see its own writes acknowledged before it reads, or something newer. */
class ReadYourWritesTest {

  private static Findings<ReadYourWrites.Violation> check(History h) {
    return ReadYourWrites.check(h, 10);
  }

  @Test
  void aClientThatDoesNotSeeItsOwnAcknowledgedWriteIsAViolation() {
    Findings<ReadYourWrites.Violation> found = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        read("c1", "a", null).at(20, 21)));

    assertEquals(1, found.count());
    assertEquals("A1", found.samples().get(0).ownWrite().value());
    assertEquals(10.0, found.samples().get(0).details().get("sinceAckMs"));
  }

  @Test
  void readingBeforeTheOwnWriteWasAcknowledgedIsNoViolation() {
    Findings<ReadYourWrites.Violation> found = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        read("c1", "a", null).at(9, 21)));

    assertEquals(0, found.count());
  }

  @Test
  void missingAnotherClientsWriteIsNoViolation() {
    Findings<ReadYourWrites.Violation> found = check(history(
        write("c2", "a", "A1").at(0, 10).lsn(1),
        read("c1", "a", null).at(20, 21)));

    assertEquals(0, found.count());
    assertEquals(0, found.checked(), "c1 never wrote a");
  }

  @Test
  void seeingANewerVersionByAnotherClientSatisfiesTheGuarantee() {
    Findings<ReadYourWrites.Violation> found = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        write("c2", "a", "A2").at(5, 12).lsn(2),
        read("c1", "a", "A2").at(20, 21)));

    assertEquals(1, found.checked());
    assertEquals(0, found.count());
  }

  @Test
  void seeingAnOlderOwnWriteIsAViolation() {
    Findings<ReadYourWrites.Violation> found = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        write("c1", "a", "A2").at(20, 30).lsn(2),
        read("c1", "a", "A1").at(40, 41)));

    assertEquals(1, found.count());
    assertEquals("A2", found.samples().get(0).ownWrite().value());
  }
}
