package dev.replsim.fault;

import static dev.replsim.metrics.SummaryBuilder.kebab;

import dev.replsim.random.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A fault in a line, for {@code replsim validate}: {@code 5s p1: partition [follower-2] | rest for 4s}.
 */
public final class FaultDescription {

  private FaultDescription() {}

  public static String describe(ScheduledFault f) {
    return Durations.format(f.atMicros()) + " " + f.id() + ": " + what(f.fault())
        + (f.undoes() ? " for " + Durations.format(f.durationMicros()) : "");
  }

  private static String what(Fault fault) {
    if (fault instanceof Fault.Partition) {
      Fault.Partition p = (Fault.Partition) fault;
      String groups = p.groups().stream().map(g -> g.isSelector() ? g.selector() : g.nodes().toString())
          .collect(Collectors.joining(p.oneWay() ? " cannot reach " : " | "));
      return "partition " + groups;
    }
    if (fault instanceof Fault.Heal) {
      String name = ((Fault.Heal) fault).partition();
      return "heal " + (name == null ? "every partition" : name);
    }
    if (fault instanceof Fault.Slow) {
      Fault.Slow s = (Fault.Slow) fault;
      return "slow " + s.target() + " to " + s.applyTime().describe() + " per entry";
    }
    if (fault instanceof Fault.Skew) {
      Fault.Skew s = (Fault.Skew) fault;
      return "skew " + s.target() + "'s clock by " + (s.offsetMicros() < 0 ? "-" : "+")
          + Durations.format(Math.abs(s.offsetMicros()));
    }
    if (fault instanceof Fault.LinkChange) {
      Fault.LinkChange l = (Fault.LinkChange) fault;
      return "link " + l.from() + (l.bothWays() ? " <-> " : " -> ") + l.to() + ": " + l.patch().describe();
    }
    if (fault instanceof Fault.Switchover) {
      Target to = ((Fault.Switchover) fault).to();
      return "switchover to " + (to == null ? "the most caught-up follower" : to);
    }
    if (fault instanceof Fault.Commit c) {
      return "commit " + commitParts(c);
    }
    if (fault instanceof Fault.Method m) {
      return "method " + kebab(m.method());
    }
    if (fault instanceof Fault.AddFollower) {
      return "add-follower " + ((Fault.AddFollower) fault).node();
    }
    if (fault instanceof Fault.Rate r) {
      return "rate " + rates(r);
    }
    if (fault instanceof Fault.Clients c) {
      return c.running() ? "clients start" : "clients stop";
    }
    if (fault instanceof Fault.Restart && ((Fault.Restart) fault).wipe()) {
      return "restart " + target(fault) + " with its disk lost";
    }
    return fault.action() + " " + target(fault);
  }

  /** {@code writes 500/s, reads 100/s}: what a rate fault sets. */
  public static String rates(Fault.Rate r) {
    List<String> parts = new java.util.ArrayList<>();
    if (r.writesPerSec() != null) {
      parts.add("writes " + perSecond(r.writesPerSec()));
    }
    if (r.readsPerSec() != null) {
      parts.add("reads " + perSecond(r.readsPerSec()));
    }
    return String.join(", ", parts);
  }

  /** What a commit fault changes, as a scenario writes it: {@code mode = semi-sync, acks = 1}. */
  public static String commitParts(Fault.Commit c) {
    List<String> parts = new ArrayList<>();
    if (c.mode() != null) {
      parts.add("mode = " + kebab(c.mode()));
    }
    if (c.acks() > 0) {
      parts.add("acks = " + c.acks());
    }
    if (c.ackLevel() != null) {
      parts.add("ack-level = " + kebab(c.ackLevel()));
    }
    if (c.timeoutMicros() > 0) {
      parts.add("timeout = " + Durations.format(c.timeoutMicros()));
    }
    return String.join(", ", parts);
  }

  private static String perSecond(double rate) {
    return (rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate)) + "/s";
  }


  private static String target(Fault fault) {
    List<Target> targets = fault instanceof Fault.Crash ? List.of(((Fault.Crash) fault).target())
        : fault instanceof Fault.Restart ? List.of(((Fault.Restart) fault).target())
        : List.of(((Fault.Pause) fault).target());
    return targets.get(0).toString();
  }
}
