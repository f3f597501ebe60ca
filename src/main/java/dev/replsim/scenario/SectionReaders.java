package dev.replsim.scenario;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.replsim.scenario.WorkloadSettings.Arrival;
import dev.replsim.scenario.WorkloadSettings.KeyDistribution;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Reads and validates the small sections: {@code simulation}, {@code workload}, {@code output} and
 * {@code report}. The cluster, the network and failover have readers of their own, and so do the
 * workload's reads and the checks ({@link ReadReader}).
 */
final class SectionReaders {

  /** The name becomes a directory name, so only characters that are safe in one on every OS. */
  static final Pattern RUN_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private static final Duration MAX_DURATION = Duration.ofHours(24);
  private static final Duration MIN_INTERVAL = Duration.ofMillis(1);
  /** A longer diagram would be unreadable, and its messages would not fit the trace anyway. */
  private static final Duration MAX_SEQUENCE_WINDOW = Duration.ofMinutes(1);
  private static final Duration MAX_WARM_UP = Duration.ofMinutes(1);

  private SectionReaders() {}

  static SimulationSettings simulation(Fields f) {
    String name = f.string("simulation.name", "a name of letters, digits, '.', '_' and '-'");
    if (name.isEmpty()) {
      throw f.bad(
          "simulation.name", "is empty: give the run a name of letters, digits, '.', '_' and '-'");
    }
    if (!RUN_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw f.bad(
          "simulation.name",
          "is not a valid name: it becomes a directory name, so use only"
              + " letters, digits, '.', '_' and '-'");
    }
    long seed =
        f.wholeNumber("simulation.seed", Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit whole number");
    Duration duration =
        f.durationIn(
            "simulation.duration",
            Duration.ofNanos(1),
            MAX_DURATION,
            "greater than 0 and at most 24h");
    Duration sampleInterval = autoSampleInterval(f, duration);
    if (sampleInterval == null) {
      sampleInterval = f.duration("simulation.sample-interval", "auto, or between 1ms and simulation.duration");
    }
    if (sampleInterval.compareTo(MIN_INTERVAL) < 0 || sampleInterval.compareTo(duration) > 0) {
      // a default interval longer than a short user duration: the duration is what the user wrote
      boolean blameDuration =
          sampleInterval.compareTo(duration) > 0
              && f.fromDefaults("simulation.sample-interval")
              && !f.fromDefaults("simulation.duration");
      if (blameDuration) {
        String problem =
            "is shorter than simulation.sample-interval = %s (the default):"
                + " set a sample-interval between 1ms and the duration";
        throw f.bad(
            "simulation.duration",
            String.format(problem, sampleInterval.toMillis() + "ms"));
      }
      f.check(
          false,
          "simulation.sample-interval",
          "between 1ms and simulation.duration = " + Fields.show(f.raw("simulation.duration")));
    }
    Duration drainTimeout =
        f.durationIn(
            "simulation.drain-timeout",
            Duration.ZERO,
            Fields.LONGEST,
            "a duration of 0 or more, e.g. 5s");
    TimeMode time = f.choice("simulation.time", TimeMode.values(), "a time mode");
    return new SimulationSettings(name, seed, duration, sampleInterval, drainTimeout, warmUp(f), time);
  }

  /** Runs up to this long are sampled every 100 ms when the interval is {@code auto}. */
  private static final Duration AUTO_SAMPLED_FINELY = Duration.ofMinutes(6);

  /**
   * The interval {@code sample-interval = auto} stands for: 100 ms, or for a run longer than six
   * minutes a 3,600th of it, rounded up to a whole 100 ms (1 s for an hour), so that a long run's
   * time series stays a size a chart and a spreadsheet can take. Null when the key holds a duration.
   */
  private static Duration autoSampleInterval(Fields f, Duration duration) {
    ConfigValue value = f.raw("simulation.sample-interval");
    if (value == null || value.valueType() != ConfigValueType.STRING) {
      return null;
    }
    String text = String.valueOf(value.unwrapped()).trim();
    if (!text.equals("auto")) {
      if (text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '-')) {
        throw f.bad("simulation.sample-interval", "is neither auto nor a duration: write auto, or a duration"
            + " between 1ms and simulation.duration such as 100ms");
      }
      return null;
    }
    if (duration.compareTo(AUTO_SAMPLED_FINELY) <= 0) {
      return Duration.ofMillis(100);
    }
    long tenths = (duration.toMillis() / 3600 + 99) / 100;
    return Duration.ofMillis(tenths * 100);
  }

  /** {@code auto}, or a duration from 0 to a minute. */
  private static WarmUp warmUp(Fields f) {
    String allowed = "auto, or a duration of at most 1m (0s for none)";
    ConfigValue value = f.raw("simulation.warm-up");
    if (value != null && value.valueType() == ConfigValueType.STRING) {
      String text = String.valueOf(value.unwrapped()).trim();
      if (text.equals("auto")) {
        return WarmUp.AUTO;
      }
      if (text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '-')) {
        throw f.bad("simulation.warm-up", "is neither auto nor a duration: write auto, or a duration of at most 1m"
            + " such as 5s (0s for none)");
      }
    }
    Duration d = f.durationIn("simulation.warm-up", Duration.ZERO, MAX_WARM_UP, allowed);
    return new WarmUp(d, false);
  }

  static WorkloadSettings workload(Fields f, int followers) {
    int clients = f.intIn("workload.clients", 1, 10_000);
    double writeRate = writeRate(f);
    Arrival arrival = f.choice("workload.arrival", Arrival.values(), "an arrival process");
    int keys = f.intIn("workload.keys", 1, Integer.MAX_VALUE);
    KeyDistribution keyDistribution =
        f.choice("workload.key-distribution", KeyDistribution.values(), "a key distribution");
    double zipfExponent = f.number("workload.zipf-exponent", "a number greater than 0, e.g. 0.99");
    f.check(zipfExponent > 0, "workload.zipf-exponent", "a number greater than 0, e.g. 0.99");
    int valueSize = f.intIn("workload.value-size", 0, 1_048_576);
    int maxOutstanding = f.intIn("workload.max-outstanding", 1, Integer.MAX_VALUE);
    Duration writeTimeout =
        f.durationIn("workload.write-timeout", MIN_INTERVAL, Fields.LONGEST, "at least 1ms, e.g. 5s");
    StatementMix statements = StatementMixReader.read(f);
    return new WorkloadSettings(
        clients,
        writeRate,
        arrival,
        keys,
        keyDistribution,
        zipfExponent,
        valueSize,
        maxOutstanding,
        writeTimeout,
        statements,
        ReadReader.read(f, followers, statements));
  }

  /**
   * Writes per second, or {@code unlimited} (infinity) for clients that write as fast as they can.
   */
  private static double writeRate(Fields f) {
    String allowed = "a number of writes per second greater than 0, or unlimited";
    ConfigValue value = f.raw("workload.write-rate");
    if (value != null
        && value.valueType() == ConfigValueType.STRING
        && "unlimited".equals(value.unwrapped())) {
      return Double.POSITIVE_INFINITY;
    }
    double rate = f.number("workload.write-rate", allowed);
    f.check(rate > 0, "workload.write-rate", allowed);
    return rate;
  }

  static OutputSettings output(Fields f) {
    return new OutputSettings(
        f.string("output.dir", "a directory path, or \"\" for results/<name>-<timestamp>"));
  }

  static ReportSettings report(Fields f) {
    return new ReportSettings(
        f.durationIn(
            "report.sequence-window",
            MIN_INTERVAL,
            MAX_SEQUENCE_WINDOW,
            "between 1ms and 1m, e.g. 2s"));
  }
}
