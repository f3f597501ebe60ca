package dev.replsim.fault;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws the nemesis's fault schedule up front from its own seeded stream: the same seed gives the
 * same faults at the same instants against the same target selectors. A jitter spreads each
 * fault uniformly over a window after its slot: with a window of whole heartbeat intervals, a
 * crash of the leader strikes at a uniformly random point of its heartbeat interval. Which nodes
 * a selector picks is decided when each fault fires, from the fault injector's stream.
 */
public final class Nemesis {

  private Nemesis() {}

  /** The schedule for a run whose writes last {@code runMicros}; empty when disabled. */
  public static List<ScheduledFault> schedule(NemesisSettings n, long runMicros, UniformRandomProvider stream) {
    List<ScheduledFault> faults = new ArrayList<>();
    if (!n.enabled()) {
      return faults;
    }
    int count = 0;
    for (long at = n.startMicros(); at < runMicros; at += n.intervalMicros()) {
      String kind = n.kinds().get(stream.nextInt(n.kinds().size()));
      Target target = n.targets().get(stream.nextInt(n.targets().size()));
      boolean ahead = stream.nextBoolean();
      // drawn only with a jitter, so that a schedule without one is what it always was
      long strikes = n.jitterMicros() > 0 ? at + stream.nextLong(n.jitterMicros()) : at;
      if (strikes >= runMicros) {
        break;
      }
      faults.add(new ScheduledFault("n" + ++count, strikes, fault(n, kind, target, ahead), n.durationMicros()));
    }
    return faults;
  }

  private static Fault fault(NemesisSettings n, String kind, Target target, boolean ahead) {
    switch (kind) {
      case "partition":
        return new Fault.Partition(List.of(target, Target.REST), false);
      case "crash":
        return new Fault.Crash(target);
      case "pause":
        return new Fault.Pause(target);
      case "slow":
        return new Fault.Slow(target, n.slowApplyTime());
      case "link":
        return new Fault.LinkChange(target, Target.ALL, true, n.link());
      case "skew":
        return new Fault.Skew(target, ahead ? n.skewMicros() : -n.skewMicros());
      default:
        throw new IllegalArgumentException("unknown nemesis fault kind " + kind);
    }
  }
}
