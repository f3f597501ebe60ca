package dev.replsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.random.SeededStreams;
import dev.replsim.scenario.WorkloadSettings.Arrival;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An arrival process whose rate changes, or that stops and starts, mid-run. */
class ArrivalProcessTest {

  private static ArrivalProcess process(Arrival arrival, double rate) {
    return new ArrivalProcess(arrival, rate, 0, 10_000_000, new SeededStreams(3).stream("a"));
  }

  /** Every arrival from the process, as a driver takes them, with {@code change} applied at {@code atMicros}. */
  private static List<Long> arrivals(ArrivalProcess p, long atMicros, Runnable change) {
    List<Long> all = new ArrayList<>();
    boolean changed = false;
    for (long at = p.next(); at != ArrivalProcess.END; at = p.next()) {
      if (!changed && (at == ArrivalProcess.IDLE || at >= atMicros)) {
        changed = true;
        change.run();
        at = p.due();
        if (at == ArrivalProcess.END) {
          break;
        }
      }
      all.add(at);
    }
    return all;
  }

  @Test
  void aConstantProcessKeepsItsPhaseWhenItsRateChanges() {
    ArrivalProcess p = process(Arrival.CONSTANT, 10); // every 100 ms
    long first = p.next();
    List<Long> rest = arrivals(p, 4_000_000, () -> p.changeRate(40, 4_000_000));
    rest.add(0, first);

    assertEquals(40, rest.stream().filter(at -> at < 4_000_000).count());
    assertEquals(240, rest.stream().filter(at -> at >= 4_000_000).count(), "every 25 ms for 6 s");
    long after = rest.stream().filter(at -> at >= 4_000_000).findFirst().orElseThrow();
    assertEquals(first / 4.0, after - 4_000_000, 1, "a quarter of the way into its gap, as before");
  }

  @Test
  void aStoppedProcessIsIdleAndResumesWhereItWasInItsGap() {
    ArrivalProcess p = process(Arrival.CONSTANT, 10);
    long first = p.next();
    p.next(); // the first was issued: the one after it is due, 100 ms later
    p.stop(first + 50_000); // half way to it
    assertTrue(p.idle());
    assertEquals(ArrivalProcess.IDLE, p.due());
    p.start(5_000_000);
    assertEquals(5_050_000, p.due(), 1);
    assertEquals(5_150_000, p.next(), 1);
  }

  @Test
  void aProcessAtRateZeroDrawsNothingUntilItsRateRises() {
    ArrivalProcess p = process(Arrival.POISSON, 0);
    assertEquals(ArrivalProcess.IDLE, p.next());
    p.changeRate(1000, 2_000_000);
    long n = 0;
    for (long at = p.due(); at != ArrivalProcess.END; at = p.next()) {
      assertTrue(at >= 2_000_000);
      n++;
    }
    assertEquals(8000, n, 4 * Math.sqrt(8000), "about 1000/s for 8 s");
  }

  @Test
  void aChangeAtOrAfterTheEndDrawsNoMore() {
    ArrivalProcess p = process(Arrival.CONSTANT, 10);
    p.stop(1_000_000);
    p.start(10_000_000);
    assertEquals(ArrivalProcess.END, p.due());
  }
}
