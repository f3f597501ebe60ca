package dev.replsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermHistoryTest {

  private static TermHistory history(long... termsAndStarts) {
    TermHistory h = new TermHistory();
    for (int i = 0; i < termsAndStarts.length; i += 2) {
      h.appended(termsAndStarts[i], termsAndStarts[i + 1]);
    }
    return h;
  }

  @Test
  void theTermAtAnLsnIsTheTermOfItsStretch() {
    TermHistory h = history(1, 1, 3, 101);
    assertEquals(1, h.termAt(100, 150));
    assertEquals(3, h.termAt(101, 150));
    assertEquals(0, h.termAt(151, 150));
  }

  @Test
  void aDeposedLeadersOwnSuffixDoesNotMatchTheNewLeadersLog() {
    TermHistory newLeader = history(1, 1, 3, 101); // term 1 up to 100, then term 3
    TermHistory deposed = history(1, 1, 2, 101); // term 1 up to 100, then term 2 up to 120
    assertEquals(100, newLeader.matchingLsn(deposed, 120, 130));
  }

  @Test
  void aFollowerBehindInAnOldTermMatchesUpToItsEnd() {
    assertEquals(90, history(1, 1, 3, 101).matchingLsn(history(1, 1), 90, 130));
  }

  @Test
  void logsThatWentDifferentWaysEarlierMatchOnlyWhereTheySharedATerm() {
    TermHistory leader = history(1, 1, 2, 61, 4, 91); // term 1 to 60, term 2 to 90, term 4 after
    TermHistory follower = history(1, 1, 3, 71); // term 1 to 70 (10 entries the leader never had), term 3
    assertEquals(60, leader.matchingLsn(follower, 80, 120));
  }

  @Test
  void anExportedHistoryReadsBackTheSame() {
    TermHistory h = history(1, 1, 2, 61, 4, 91);
    assertEquals(List.of(1L, 1L, 2L, 61L, 4L, 91L), h.export());
    assertEquals(4, TermHistory.of(h.export()).termAt(95, 100));
  }
}
