package dev.replsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replsim.protocol.Observation;
import dev.replsim.protocol.Observation.ApplierState;
import org.junit.jupiter.api.Test;

/** The databases' own lag figures, polled as a monitor polls the views. */
class ReportedLagTest {

  private final ReportedLag lag = new ReportedLag();

  @Test
  void secondsBehindSourceRunsOnTheFollowersClockBetweenReports() {
    // the follower's clock is 3 s ahead; it started applying an entry the leader wrote at 0
    lag.applier(new ApplierState(3_010_000, 0), 10_000);

    assertEquals(3, lag.secondsBehindSource(10_000));
    assertEquals(4, lag.secondsBehindSource(1_010_000)); // its clock moved on by a second too
  }

  @Test
  void secondsBehindSourceIsZeroWhenIdleOrNeverReported() {
    assertEquals(0, lag.secondsBehindSource(5_000_000));
    lag.applier(new ApplierState(9_000_000, ApplierState.IDLE), 9_000_000);
    assertEquals(0, lag.secondsBehindSource(20_000_000));
  }

  @Test
  void pollingLeavesNullLagsOut() {
    long unknown = Observation.UNKNOWN_LAG;
    lag.reply(new Observation.StandbyReply("f", 3, 3, 2, 1, 20_000, unknown, unknown));
    lag.applier(new ApplierState(2_500_000, 0), 2_500_000);

    assertEquals(2, lag.poll(2_500_000));

    assertEquals(1, lag.writeLag.getTotalCount());
    assertEquals(0, lag.replayLag.getTotalCount());
    assertEquals(1, lag.secondsBehindSource.getTotalCount());
    assertEquals(1, lag.replayLsn);
  }
}
