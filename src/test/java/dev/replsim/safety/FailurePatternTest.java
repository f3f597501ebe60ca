package dev.replsim.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.api.Simulation;
import org.junit.jupiter.api.Test;

/** Whether a schedule strikes one fault at a time, each undone and recovered from before the next. */
class FailurePatternTest {

  private static boolean oneAtATime(String faults) {
    return FailurePattern.oneAtATime(Simulation.parse("cluster.followers = 2\nfailover.strategy = election\n"
        + "simulation.duration = 20s\nfaults = [" + faults + "]").scenario());
  }

  @Test
  void faultsUndoneAndRecoveredFromBeforeTheNextStrikeOneAtATime() {
    assertTrue(oneAtATime(""));
    assertTrue(oneAtATime("{ at = 1s, action = crash, node = leader, duration = 1s },"
        + " { at = 4s, action = partition, isolate = follower-1, duration = 1s }"));
    assertTrue(oneAtATime("{ at = 1s, action = crash, node = leader }, { at = 2s, action = restart, node = leader },"
        + " { at = 4s, action = pause, node = follower-1, duration = 1s }"));
  }

  @Test
  void overlappingFaultsOrOnesNeverUndoneDoNot() {
    assertFalse(oneAtATime("{ at = 1s, action = crash, node = leader, duration = 1s },"
        + " { at = 3s, action = partition, isolate = follower-1, duration = 1s }"), "too soon after the restart");
    assertFalse(oneAtATime("{ at = 1s, action = crash, node = leader }"), "never restarted");
    assertFalse(oneAtATime("{ at = 1s, action = link, from = leader, to = follower-1, loss = 50%, duration = 3s },"
        + " { at = 2s, action = crash, node = follower-2, duration = 1s }"));
  }
}
