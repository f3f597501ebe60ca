package dev.replsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** PostgreSQL's lag tracker, sample by sample, as walsender.c computes it. */
class LagTrackerTest {

  private final LagTracker tracker = new LagTracker();

  @Test
  void aReplyPassingASampleShowsTheTimeSinceThatSampleWasFlushed() {
    tracker.record(10, 0);
    tracker.record(20, 100);
    tracker.reply(20, 20, 10, 20, 300);

    assertEquals(200, tracker.lag(LagTracker.WRITE));
    assertEquals(200, tracker.lag(LagTracker.FLUSH));
    assertEquals(300, tracker.lag(LagTracker.REPLAY));
  }

  @Test
  void betweenTwoSamplesTheFlushTimeIsInterpolated() {
    tracker.record(10, 0);
    tracker.record(20, 100);
    tracker.reply(10, 10, 10, 20, 300);
    tracker.reply(15, 15, 15, 20, 400);

    assertEquals(350, tracker.lag(LagTracker.REPLAY)); // LSN 15 was flushed at 50, by interpolation
  }

  @Test
  void withOnlyAFutureSampleTheLagIsWhatItWouldBeIfItWereReplayedNow() {
    tracker.record(10, 100);
    tracker.reply(0, 0, 0, 10, 250);

    assertEquals(150, tracker.lag(LagTracker.REPLAY));
  }

  @Test
  void aReplyThatPassesNoSampleKeepsTheLastLag() {
    tracker.record(10, 0);
    tracker.reply(10, 10, 10, 10, 40);
    tracker.reply(10, 10, 5, 11, 90); // nothing new: not fully replayed, nothing to measure

    assertEquals(40, tracker.lag(LagTracker.REPLAY));
  }

  @Test
  void aFullBufferKeepsTheNewestSample() {
    for (int lsn = 1; lsn <= 10_000; lsn++) {
      tracker.record(lsn, lsn);
    }
    tracker.reply(10_000, 10_000, 10_000, 10_000, 12_000);

    assertEquals(2_000, tracker.lag(LagTracker.REPLAY));
  }
}
