package dev.replsim.check;

import static dev.replsim.check.Histories.history;
import static dev.replsim.check.Histories.read;
import static dev.replsim.check.Histories.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.check.TVisibility.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probability of a stale read, t ms after the newest write to the key was committed. */
class TVisibilityTest {

  private static final History H = history(
      read("c2", "a", null).at(5, 6), // before any write was acknowledged: no t, left out
      write("c1", "a", "A").at(0, 10).lsn(1),
      read("c2", "a", null).at(12, 13), //  t = 2 ms, stale
      read("c3", "a", null).at(15, 16), //  t = 5 ms, stale
      read("c4", "a", "A").at(18, 19), //   t = 8 ms, fresh
      read("c2", "a", "A").at(25, 26), //   t = 15 ms, fresh
      read("c3", "a", null).at(47, 48).on("leader")); // t = 37 ms, stale

  @Test
  void bucketsReadsByTheTimeSinceTheNewestAcknowledgedWrite() {
    List<Point> curve = TVisibility.curve(H, 10_000);

    assertEquals(List.of(
        new Point(0, 3, 2, 2.0 / 3),
        new Point(10, 1, 0, 0),
        new Point(30, 1, 1, 1)), curve);
  }

  @Test
  void coversOnlyTheReadsSelected() {
    List<Point> curve = TVisibility.curve(H, 20_000, read -> !"leader".equals(read.node()));

    assertEquals(List.of(new Point(0, 4, 2, 0.5)), curve);
  }

  @Test
  void staleReadsBecomeImpossibleOnceTheReplicationLagHasPassed() {
    // reads served up to 20 ms behind: a write acknowledged 20 ms or more before a read is seen
    History h = GeneratedHistories.laggingReads(5, 10_000, 16, 20, 20_000);

    List<Point> curve = TVisibility.curve(h, 5_000);

    assertTrue(curve.get(0).probability() > 0.3, () -> "first bucket: " + curve.get(0));
    for (Point p : curve) {
      if (p.tMs() >= 20) {
        assertEquals(0, p.stale(), () -> "at " + p.tMs() + " ms: " + p);
      }
    }
    for (int i = 1; i < 4; i++) {
      assertTrue(curve.get(i).probability() < curve.get(i - 1).probability(), curve::toString);
    }
  }
}
