package dev.replsim.scenario;

import dev.replsim.scenario.ReadSettings.FollowerChoice;
import dev.replsim.scenario.ReadSettings.ReadFrom;
import dev.replsim.scenario.ReadSettings.SessionGuarantee;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and validates the reads of the {@code workload} section and the {@code check} section,
 * with the rules that tie them to the rest: reads from followers need a follower, and the checkers
 * judge keys as registers of the values clients {@code SET}, so reads and checks need a SET-only
 * statement mix; the linearizability check refuses a run that would make more operations than it
 * takes on.
 */
final class ReadReader {

  static final String RATE = "workload.read-rate";
  static final String FROM = "workload.read-from";
  static final String PROBES = "workload.read-after-write.enabled";
  static final String LINEARIZABLE = "check.linearizable";
  private static final double MAX_RATE = 1_000_000;

  private ReadReader() {}

  static ReadSettings read(Fields f, int followers, StatementMix statements) {
    String allowed = "a number of reads per second from 0 (none) to 1000000";
    double rate = f.number(RATE, allowed);
    f.check(rate >= 0 && rate <= MAX_RATE, RATE, allowed);
    ReadFrom from = f.choice(FROM, ReadFrom.values(), "a place to read from");
    FollowerChoice choice = f.choice("workload.follower-choice", FollowerChoice.values(), "a follower choice");
    boolean probes = f.bool(PROBES);
    Duration delay = f.durationIn("workload.read-after-write.delay", Duration.ZERO, Fields.LONGEST,
        "a duration of 0 or more, e.g. 10ms");
    SessionGuarantee guarantee =
        f.choice("workload.session-guarantee", SessionGuarantee.values(), "a session guarantee");
    Duration timeout = f.durationIn("workload.session-timeout", Duration.ZERO, Fields.LONGEST,
        "a duration of 0 (go to the leader at once) or more, e.g. 1s");
    ReadSettings reads = new ReadSettings(rate, from, choice, probes, delay, guarantee, timeout);
    if (reads.enabled()) {
      String readKey = rate > 0 ? RATE : PROBES;
      if (from != ReadFrom.LEADER && followers == 0) {
        throw f.fromDefaults(FROM)
            ? f.bad(readKey, "reads from followers (workload.read-from = followers, the default), but "
                + "cluster.followers = 0: set workload.read-from = leader")
            : f.bad(FROM, "needs at least one follower, but cluster.followers = 0: read from the leader "
                + "(read-from = leader)");
      }
      requireSetOnly(f, readKey, statements);
    }
    return reads;
  }

  static CheckSettings check(Fields f, SimulationSettings simulation, WorkloadSettings workload) {
    boolean anomalies = f.bool("check.anomalies");
    boolean linearizable = f.bool(LINEARIZABLE);
    if (linearizable) {
      requireSetOnly(f, LINEARIZABLE, workload.statements());
      int max = CheckSettings.MAX_LINEARIZABLE_OPERATIONS;
      if (workload.unlimited()) {
        throw f.fail(LINEARIZABLE, String.format(Locale.ROOT, "%s = true needs a set workload.write-rate: "
            + "unlimited writes would make far more than the %,d operations the check takes on", LINEARIZABLE, max));
      }
      ReadSettings r = workload.reads();
      double seconds = simulation.duration().toNanos() / 1e9;
      double perSecond = workload.writeRate() * (r.readAfterWrite() ? 2 : 1) + r.rate();
      long expected = Math.round(perSecond * seconds);
      if (expected > max) {
        String rates = rate(workload.writeRate(), "writes") + (r.readAfterWrite() ? " with as many probes" : "")
            + (r.rate() > 0 ? " and " + rate(r.rate(), "reads") : "");
        throw f.fail(LINEARIZABLE, String.format(Locale.ROOT, "%s = true: the linearizability check takes on up "
            + "to %,d operations, and this run would make about %,d (%s for %s): shorten simulation.duration "
            + "(--duration) or lower the rates", LINEARIZABLE, max, expected, rates,
            Fields.show(f.raw("simulation.duration"))));
      }
    }
    return new CheckSettings(anomalies, linearizable);
  }

  private static String rate(double perSecond, String what) {
    return (perSecond == Math.rint(perSecond) ? String.format(Locale.ROOT, "%,d", (long) perSecond)
        : String.format(Locale.ROOT, "%s", perSecond)) + " " + what + "/s";
  }

  /** The checkers read every key as a register of SET values: other statements would mislead them. */
  private static void requireSetOnly(Fields f, String path, StatementMix statements) {
    if (statements.setOnly()) {
      return;
    }
    List<String> others = new ArrayList<>();
    double[] shares = statements.shares();
    for (int i = 1; i < shares.length; i++) {
      if (shares[i] > 0) {
        others.add(StatementMix.KINDS.get(i) + " " + shares[i]);
      }
    }
    throw f.bad(path, "needs SET statements only (workload.statements.set = 1): the checkers judge each key "
        + "as a register of the values clients SET, and this mix also has " + Suggestions.and(others));
  }
}
