package dev.replsim.scenario;

import dev.replsim.random.Distribution;
import dev.replsim.random.Exponential;
import dev.replsim.random.LogNormal;
import dev.replsim.random.Normal;
import dev.replsim.random.Pareto;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The distributions a scenario can name, the parameters each takes and how each is read. Every one
 * also takes {@code jitter} ({@link DistributionReader#JITTER}), read by the reader.
 */
enum DistributionKind {
  CONSTANT("constant", "{ distribution = constant, value = 40ms }", "value"),
  UNIFORM("uniform", "{ distribution = uniform, min = 20ms, max = 40ms }", "min", "max"),
  NORMAL("normal", "{ distribution = normal, mean = 30ms, stddev = 5ms }", "mean", "stddev"),
  EXPONENTIAL("exponential", "{ distribution = exponential, mean = 30ms }", "mean"),
  LOG_NORMAL("log-normal", "{ distribution = log-normal, median = 30ms, sigma = 0.5 }", "median", "sigma"),
  PARETO("pareto", "{ distribution = pareto, scale = 20ms, shape = 2.5 }", "scale", "shape"),
  EMPIRICAL("empirical", "{ distribution = empirical, file = \"delays.csv\" }", "file");

  private static final String POSITIVE_DURATION = "a duration of at least 1us, e.g. 5ms";

  final String id;
  final String example;
  final List<String> params;

  DistributionKind(String id, String example, String... params) {
    this.id = id;
    this.example = example;
    this.params = List.of(params);
  }

  static DistributionKind byId(String id) {
    for (DistributionKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    return null;
  }

  /** The names of all kinds, in the order above. */
  static List<String> ids() {
    return Arrays.stream(values()).map(k -> k.id).toList();
  }

  /** The kinds that take {@code param}: {@code mean} is taken by normal and exponential. */
  static List<DistributionKind> taking(String param) {
    return Arrays.stream(values()).filter(k -> k.params.contains(param)).toList();
  }

  /** This kind's distribution from the object at {@code path}, whose parameters are all present. */
  Distribution read(Fields f, String path) {
    String p = path + ".";
    switch (this) {
      case CONSTANT:
        return new Distribution.Constant(micros(f, p + "value"));
      case UNIFORM:
        return uniform(f, p);
      case NORMAL:
        return new Normal(micros(f, p + "mean"), positiveMicros(f, p + "stddev"));
      case EXPONENTIAL:
        return new Exponential(positiveMicros(f, p + "mean"));
      case LOG_NORMAL:
        return new LogNormal(positiveMicros(f, p + "median"), positive(f, p + "sigma", "0.5"));
      case PARETO:
        return new Pareto(
            positiveMicros(f, p + "scale"),
            positive(f, p + "shape", "2.5 (the mean is infinite for a shape of 1 or less)"));
      case EMPIRICAL:
        return EmpiricalFile.read(f, p + "file");
      default:
        throw new AssertionError(this);
    }
  }

  private static Distribution uniform(Fields f, String p) {
    long min = micros(f, p + "min");
    long max = micros(f, p + "max");
    if (max < min) {
      String problem = "is less than %s = %s: a uniform distribution needs min <= max";
      throw f.bad(p + "max", String.format(problem, f.key(p + "min"), Fields.show(f.raw(p + "min"))));
    }
    return new Distribution.Uniform(min, max);
  }

  /** A duration of 0 or more, in microseconds. */
  static long micros(Fields f, String path) {
    Duration d = f.durationIn(path, Duration.ZERO, Fields.LONGEST, "a duration of 0 or more, e.g. 20ms");
    return TimeUnit.MICROSECONDS.convert(d); // saturates rather than overflowing
  }

  private static long positiveMicros(Fields f, String path) {
    Duration d = f.durationIn(path, Duration.ofNanos(1000), Fields.LONGEST, POSITIVE_DURATION);
    return TimeUnit.MICROSECONDS.convert(d);
  }

  private static double positive(Fields f, String path, String example) {
    String allowed = "a number greater than 0, e.g. " + example;
    double x = f.number(path, allowed);
    f.check(x > 0, path, allowed);
    return x;
  }
}
