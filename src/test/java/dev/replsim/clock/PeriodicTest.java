package dev.replsim.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PeriodicTest {

  @Test
  void theNextRoundFollowsTheDueInstantNotTheLateOne() {
    assertEquals(150, Periodic.next(100, 50, 100));
    assertEquals(150, Periodic.next(100, 50, 120), "handled 20 late: the rhythm keeps its phase");
  }

  @Test
  void roundsThatWentByWhileLateAreSkippedNotBurst() {
    assertEquals(200, Periodic.next(100, 50, 175));
    assertEquals(200, Periodic.next(100, 50, 150), "a round due exactly now has gone by");
    assertEquals(1100, Periodic.next(100, 50, 1090));
  }
}
