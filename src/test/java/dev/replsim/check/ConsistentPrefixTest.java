package dev.replsim.check;

import static dev.replsim.check.Histories.history;
import static dev.replsim.check.Histories.read;
import static dev.replsim.check.Histories.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replsim.check.ConsistentPrefix.Violation;
import org.junit.jupiter.api.Test;

/** A reader must not see a write without the writes that causally precede it. */
class ConsistentPrefixTest {

  private static Findings<Violation> check(History h) {
    return ConsistentPrefix.check(h, 10);
  }

  @Test
  void seeingAClientsSecondWriteAndThenMissingItsFirstIsAViolation() {
    // DDIA's example: client 1 writes A (key a), then B (key b); a reader sees B, then a without A
    Findings<Violation> found = check(history(
        write("c1", "a", "A").at(0, 10).lsn(1),
        write("c1", "b", "B").at(20, 30).lsn(2),
        read("c3", "b", "B").at(40, 41),
        read("c3", "a", null).at(50, 51)));

    assertEquals(1, found.count());
    Violation v = found.samples().get(0);
    assertEquals("A", v.missed().value());
    assertEquals("B", v.seen().value());
    assertEquals("c3", v.read().client());
  }

  @Test
  void writesAClientIssuedWithoutWaitingAreConcurrentSoEitherOrderIsAPrefix() {
    // the same, but B was invoked before A was acknowledged
    Findings<Violation> found = check(history(
        write("c1", "a", "A").at(0, 25).lsn(1),
        write("c1", "b", "B").at(20, 30).lsn(2),
        read("c3", "b", "B").at(40, 41),
        read("c3", "a", null).at(50, 51)));

    assertEquals(0, found.count());
  }

  @Test
  void missingTheCauseBeforeSeeingTheEffectIsFine() {
    Findings<Violation> found = check(history(
        write("c1", "a", "A").at(0, 10).lsn(1),
        write("c1", "b", "B").at(20, 30).lsn(2),
        read("c3", "a", null).at(40, 41),
        read("c3", "b", "B").at(50, 51)));

    assertEquals(0, found.count());
  }

  @Test
  void anAnswerSeenBeforeItsQuestionIsAViolation() {
    // DDIA's Mr. Poons and Mrs. Cake: c2 read the question before writing the answer
    Findings<Violation> found = check(history(
        write("c1", "question", "Q").at(0, 10).lsn(1),
        read("c2", "question", "Q").at(12, 15),
        write("c2", "answer", "A").at(20, 30).lsn(2),
        read("c3", "answer", "A").at(40, 41),
        read("c3", "question", null).at(50, 51)));

    assertEquals(1, found.count());
    assertEquals("Q", found.samples().get(0).missed().value());
  }

  @Test
  void anAnswerWrittenBeforeTheQuestionWasReadDoesNotDependOnIt() {
    // the same, but c2's read of the question completed only after it invoked its write
    Findings<Violation> found = check(history(
        write("c1", "question", "Q").at(0, 10).lsn(1),
        read("c2", "question", "Q").at(12, 21),
        write("c2", "answer", "A").at(20, 30).lsn(2),
        read("c3", "answer", "A").at(40, 41),
        read("c3", "question", null).at(50, 51)));

    assertEquals(0, found.count());
  }

  @Test
  void causalityIsTransitiveAcrossClients() {
    Findings<Violation> found = check(history(
        write("c1", "a", "A").at(0, 10).lsn(1),
        read("c2", "a", "A").at(11, 12),
        write("c2", "b", "B").at(13, 14).lsn(2),
        read("c3", "b", "B").at(15, 16),
        write("c3", "c", "C").at(17, 18).lsn(3),
        read("c4", "c", "C").at(40, 41),
        read("c4", "a", null).at(50, 51)));

    assertEquals(1, found.count());
    assertEquals("A", found.samples().get(0).missed().value());
    assertEquals("C", found.samples().get(0).seen().value());
  }

  @Test
  void seeingANewerVersionThanTheCauseIsFine() {
    Findings<Violation> found = check(history(
        write("c1", "a", "A1").at(0, 10).lsn(1),
        write("c1", "b", "B").at(20, 30).lsn(2),
        write("c2", "a", "A2").at(31, 32).lsn(3),
        read("c3", "b", "B").at(40, 41),
        read("c3", "a", "A2").at(50, 51)));

    assertEquals(1, found.checked());
    assertEquals(0, found.count());
  }

  @Test
  void losingAWriteTheReaderSawItselfIsAMonotonicReadViolationNotThis() {
    Findings<Violation> found = check(history(
        write("c1", "a", "A").at(0, 10).lsn(1),
        read("c3", "a", "A").at(40, 41),
        read("c3", "a", null).at(50, 51)));

    assertEquals(0, found.count());
  }
}
