package dev.replsim.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.network.LinkPatch;
import dev.replsim.random.Distribution;
import dev.replsim.random.SeededStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

class NemesisTest {

  private static final NemesisSettings SETTINGS = new NemesisSettings(true, 2_000_000, 3_000_000, 1_000_000,
      NemesisSettings.KINDS, List.of(Target.selector("one"), Target.selector("minority"), Target.node("follower-2")),
      new Distribution.Constant(5_000), LinkPatch.delay(new Distribution.Constant(100_000)), 500_000);

  private static List<ScheduledFault> schedule(long seed) {
    return Nemesis.schedule(SETTINGS, 60_000_000, new SeededStreams(seed).stream("nemesis"));
  }

  @Test
  void theSameSeedGivesTheSameFaultScheduleAndAnotherSeedAnother() {
    assertEquals(schedule(7), schedule(7));
    assertNotEquals(schedule(7), schedule(8));
  }

  @Test
  void aFaultStrikesEveryIntervalFromTheStartAndUndoesItselfAfterTheDuration() {
    List<ScheduledFault> faults = schedule(1);
    assertEquals(20, faults.size(), "from 2 s every 3 s until 60 s");
    for (int i = 0; i < faults.size(); i++) {
      assertEquals(2_000_000 + 3_000_000L * i, faults.get(i).atMicros());
      assertEquals(1_000_000, faults.get(i).durationMicros());
    }
  }

  @Test
  void everyKindIsDrawnOverALongRun() {
    List<String> kinds = Nemesis.schedule(SETTINGS, 600_000_000, new SeededStreams(3).stream("nemesis"))
        .stream().map(f -> f.fault().action()).distinct().toList();
    assertTrue(kinds.containsAll(List.of("partition", "crash", "pause", "slow", "link", "skew")), kinds.toString());
  }

  @Test
  void withAJitterEachFaultStrikesAtARandomInstantOfTheWindowAfterItsSlot() {
    NemesisSettings jittered = new NemesisSettings(true, 1_000_000, 2_000_000, 1_000_000, List.of("crash"),
        List.of(Target.selector("current-leader")), new Distribution.Constant(0), LinkPatch.NONE, 0, 150_000);
    List<ScheduledFault> faults = Nemesis.schedule(jittered, 200_000_000, new SeededStreams(1).stream("nemesis"));
    assertEquals(100, faults.size(), "from 1 s every 2 s until 200 s");
    double sum = 0;
    for (int i = 0; i < faults.size(); i++) {
      long offset = faults.get(i).atMicros() - (1_000_000 + 2_000_000L * i);
      assertTrue(offset >= 0 && offset < 150_000, "fault " + i + " strikes " + offset + "us after its slot");
      sum += offset;
    }
    assertEquals(75_000, sum / faults.size(), 15_000, "uniform over the window: 75 ms after the slot on average");
    assertEquals(faults, Nemesis.schedule(jittered, 200_000_000, new SeededStreams(1).stream("nemesis")));
  }

  @Test
  void aDisabledNemesisSchedulesNothing() {
    NemesisSettings off = new NemesisSettings(false, 0, 1_000_000, 500_000, NemesisSettings.KINDS,
        List.of(Target.selector("one")), new Distribution.Constant(0), LinkPatch.NONE, 0);
    assertTrue(Nemesis.schedule(off, 60_000_000, new SeededStreams(1).stream("nemesis")).isEmpty());
  }
}
