package dev.replsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The election timeouts a follower draws: a range's uniform [min, max], and the plain form's old draw. */
class LeaderWatchTest {

  private static ElectionSettings range(long min, long max) {
    return new ElectionSettings(ElectionSettings.Strategy.ELECTION, min, max, true, ElectionSettings.Detector.FIXED,
        8, false, ElectionSettings.VoteRule.LOG, false);
  }

  @Test
  void aRangeDrawsUniformlyBetweenMinAndMaxBothIncluded() {
    SplittableRandom stream = new SplittableRandom(1);
    LeaderWatch watch = new LeaderWatch(range(150_000, 300_000), 75_000, stream::nextLong);
    long least = Long.MAX_VALUE;
    long most = Long.MIN_VALUE;
    double sum = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      long t = watch.randomTimeout();
      assertTrue(t >= 150_000 && t <= 300_000, t + "us is outside [150, 300] ms");
      least = Math.min(least, t);
      most = Math.max(most, t);
      sum += t;
    }
    assertTrue(least < 150_000 + 100 && most > 300_000 - 100, "both ends reached: " + least + ".." + most);
    assertEquals(225_000, sum / n, 1_000, "the mean of a uniform [150, 300] ms");
  }

  @Test
  void aRangeOfOneValueAlwaysDrawsIt() {
    LeaderWatch watch = new LeaderWatch(range(150_000, 150_000), 75_000, new SplittableRandom(2)::nextLong);
    for (int i = 0; i < 100; i++) {
      assertEquals(150_000, watch.randomTimeout());
    }
  }

  @Test
  void thePlainFormDrawsWhatItAlwaysDrewTheTimeoutPlusADrawBelowIt() {
    ElectionSettings plain = new ElectionSettings(ElectionSettings.Strategy.ELECTION, 500_000, true,
        ElectionSettings.Detector.FIXED, 8);
    assertEquals(999_999, plain.maxTimeoutMicros(), "[t, 2t): to the microsecond, less than twice t");
    List<Long> asked = new ArrayList<>();
    SplittableRandom a = new SplittableRandom(3);
    SplittableRandom b = new SplittableRandom(3);
    LeaderWatch watch = new LeaderWatch(plain, 50_000, n -> {
      asked.add(n);
      return a.nextLong(n);
    });
    for (int i = 0; i < 1000; i++) {
      assertEquals(500_000 + b.nextLong(500_000), watch.randomTimeout(), "t + a draw in [0, t), as before ranges");
    }
    assertTrue(asked.stream().allMatch(n -> n == 500_000), "each draw asks the stream for [0, t)");
  }
}
