package dev.replsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.protocol.LogPosition;
import dev.replsim.scenario.ReadSettings.SessionGuarantee;
import org.junit.jupiter.api.Test;

/** What each session guarantee asks of the node that serves the client's next read. */
class SessionTest {

  private static Session after(SessionGuarantee guarantee) {
    Session s = new Session(guarantee);
    s.wrote(new LogPosition(1, 7));
    s.read(new LogPosition(1, 12));
    s.read(new LogPosition(1, 9)); // an older state read later does not lower what was seen
    return s;
  }

  @Test
  void readYourWritesAsksForTheClientsLastAcknowledgedWrite() {
    assertEquals(new LogPosition(1, 7), after(SessionGuarantee.READ_YOUR_WRITES).requirement());
  }

  @Test
  void monotonicReadsAndConsistentPrefixAskForTheNewestStateTheClientHasRead() {
    assertEquals(new LogPosition(1, 12), after(SessionGuarantee.MONOTONIC_READS).requirement());
    assertEquals(new LogPosition(1, 12), after(SessionGuarantee.CONSISTENT_PREFIX).requirement());
  }

  @Test
  void withoutAGuaranteeAnyStateWillDoAndNoFollowerHoldsTheRead() {
    Session none = after(SessionGuarantee.NONE);
    assertEquals(LogPosition.ORIGIN, none.requirement());
    assertFalse(none.waits());
    assertTrue(after(SessionGuarantee.READ_YOUR_WRITES).waits());
  }

  @Test
  void aStateOfALaterTermIsNewerThanAnyOfAnEarlierTerm() {
    Session s = new Session(SessionGuarantee.MONOTONIC_READS);
    s.read(new LogPosition(1, 5000));
    s.read(new LogPosition(2, 3)); // the leader restarted in term 2, empty

    assertEquals(new LogPosition(2, 3), s.requirement());
  }
}
