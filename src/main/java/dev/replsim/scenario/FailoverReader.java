package dev.replsim.scenario;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.replsim.protocol.ElectionSettings;
import java.time.Duration;
import java.util.List;

/**
 * Reads the {@code failover} section: the heartbeat interval (a duration, or {@code auto}: half the
 * least election timeout, as in the Raft paper's measurements), the strategy, the election timeout
 * (a duration {@code t}, drawn in [t, 2t), or a range {@code { min, max }} drawn in [min, max]),
 * the detector, fencing, the lease, pre-vote and the vote rule.
 */
final class FailoverReader {

  static final String TIMEOUT = "failover.timeout";
  static final String HEARTBEAT = "failover.heartbeat-interval";
  /** The keys of the range form of {@code failover.timeout}, for the unknown-key check. */
  static final List<String> RANGE_KEYS = List.of("min", "max");

  private static final Duration MIN_INTERVAL = Duration.ofMillis(1);
  private static final String RANGE_ALLOWED =
      "a duration of at least 1ms, e.g. 500ms, or a range { min = 150ms, max = 300ms } with 1ms <= min <= max";

  private FailoverReader() {}

  static FailoverSettings read(Fields f) {
    ElectionSettings.Strategy strategy = strategy(f);
    Duration[] range = timeout(f);
    Duration min = range[0];
    Duration heartbeat = heartbeat(f, min);
    if (min.compareTo(heartbeat.multipliedBy(2)) < 0) {
      String key = f.raw(TIMEOUT) instanceof ConfigObject ? TIMEOUT + ".min" : TIMEOUT;
      throw f.bad(key, "is shorter than two heartbeat intervals (failover.heartbeat-interval = "
          + heartbeat.toMillis() + "ms): followers would suspect a live leader between two heartbeats; "
          + "must be at least " + heartbeat.multipliedBy(2).toMillis() + "ms");
    }
    ElectionSettings.Detector detector = f.choice("failover.detector", ElectionSettings.Detector.values(),
        "a failure detector");
    double phi = f.number("failover.phi-threshold", "a number above 0, e.g. 8");
    f.check(phi > 0 && phi <= 100, "failover.phi-threshold", "a number above 0 and at most 100, e.g. 8");
    boolean fencing = f.bool("failover.fencing");
    boolean preVote = onOff(f, "failover.pre-vote");
    ElectionSettings.VoteRule rule = f.choice("failover.vote-rule", ElectionSettings.VoteRule.values(),
        "a vote rule");
    boolean lease = onOff(f, "failover.lease");
    long minMicros = micros(min);
    // the plain form keeps its old meaning exactly: [t, 2t) to the microsecond
    long maxMicros = range[1] == null ? 2 * minMicros - 1 : micros(range[1]);
    return new FailoverSettings(heartbeat, min, new ElectionSettings(strategy, minMicros, maxMicros, fencing,
        detector, phi, preVote, rule, lease));
  }

  private static ElectionSettings.Strategy strategy(Fields f) {
    ElectionSettings.Strategy strategy = f.choice("failover.strategy", ElectionSettings.Strategy.values(),
        "a failover strategy");
    if (f.has("failover.enabled") && !f.fromDefaults("failover.enabled")) {
      // the design's first spelling: enabled = true is an election, false is none
      boolean enabled = f.bool("failover.enabled");
      if (!f.fromDefaults("failover.strategy") && enabled != (strategy != ElectionSettings.Strategy.NONE)) {
        throw f.bad("failover.enabled", "contradicts failover.strategy = " + Fields.kebab(strategy)
            + ": give only failover.strategy (none, election or manual)");
      }
      if (f.fromDefaults("failover.strategy")) {
        strategy = enabled ? ElectionSettings.Strategy.ELECTION : ElectionSettings.Strategy.NONE;
      }
    }
    return strategy;
  }

  /** The least election timeout and the greatest, null for the plain form. */
  private static Duration[] timeout(Fields f) {
    ConfigValue value = f.raw(TIMEOUT);
    if (!(value instanceof ConfigObject)) {
      return new Duration[] {f.durationIn(TIMEOUT, MIN_INTERVAL, Fields.LONGEST, RANGE_ALLOWED), null};
    }
    for (String key : RANGE_KEYS) {
      if (!f.has(TIMEOUT + "." + key)) {
        throw f.bad(TIMEOUT, "has no " + key + ": must be " + RANGE_ALLOWED);
      }
    }
    Duration min = f.durationIn(TIMEOUT + ".min", MIN_INTERVAL, Fields.LONGEST, "at least 1ms, e.g. 150ms");
    Duration max = f.durationIn(TIMEOUT + ".max", MIN_INTERVAL, Fields.LONGEST, "at least 1ms, e.g. 300ms");
    if (max.compareTo(min) < 0) {
      throw f.bad(TIMEOUT + ".max", "is less than failover.timeout.min = " + min.toMillis()
          + "ms: the range needs min <= max, e.g. { min = 150ms, max = 300ms }");
    }
    return new Duration[] {min, max};
  }

  /** A duration, or {@code auto}: half the least election timeout. */
  private static Duration heartbeat(Fields f, Duration minTimeout) {
    ConfigValue value = f.raw(HEARTBEAT);
    if (value != null && value.valueType() == ConfigValueType.STRING && "auto".equals(value.unwrapped())) {
      Duration half = Duration.ofNanos(micros(minTimeout) / 2 * 1000);
      if (half.compareTo(MIN_INTERVAL) < 0) {
        throw f.bad(HEARTBEAT, "would be " + half.toNanos() / 1000 + "us, half of failover.timeout: "
            + "auto needs a timeout of at least 2ms, or give an interval of at least 1ms");
      }
      return half;
    }
    return f.durationIn(HEARTBEAT, MIN_INTERVAL, Fields.LONGEST, "at least 1ms, e.g. 50ms, or auto");
  }

  /** {@code on} or {@code off} (HOCON's true/false and yes/no too). */
  private static boolean onOff(Fields f, String path) {
    ConfigValue value = f.raw(path);
    Object v = value == null ? null : value.unwrapped();
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    String text = String.valueOf(v);
    if (List.of("on", "yes", "true").contains(text)) {
      return true;
    }
    if (List.of("off", "no", "false").contains(text)) {
      return false;
    }
    throw f.bad(path, "is not on or off: must be on or off");
  }

  private static long micros(Duration d) {
    return d.toNanos() / 1000;
  }
}
