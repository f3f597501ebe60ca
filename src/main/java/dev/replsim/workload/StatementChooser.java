package dev.replsim.workload;

import dev.replsim.scenario.StatementMix;
import dev.replsim.storage.Statement;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Picks what each write executes, from the workload's statement mix and the client's own stream:
 * {@code SET k = 'v'}, {@code INCR k BY 1}, {@code DELETE k}, an {@code UPDATE} of the keys that
 * share k's prefix, or k set to NOW(), RAND() or UUID(). With the default mix (SET only) it draws
 * nothing, so the keys and values of existing scenarios stay what they were.
 */
public final class StatementChooser {

  private final StatementMix mix;
  private final double[] cumulative;
  private final UniformRandomProvider stream;

  public StatementChooser(StatementMix mix, UniformRandomProvider stream) {
    this.mix = mix;
    this.stream = stream;
    double[] shares = mix.shares();
    this.cumulative = new double[shares.length];
    double sum = 0;
    for (int i = 0; i < shares.length; i++) {
      sum += shares[i];
      cumulative[i] = sum;
    }
  }

  /** The statement of the next write to {@code key}, with {@code value} of {@code valueBytes} if it sets one. */
  public Statement next(String key, String value, int valueBytes) {
    if (mix.setOnly()) {
      return new Statement.Assign(key, value, valueBytes);
    }
    double u = stream.nextDouble() * cumulative[cumulative.length - 1];
    int kind = 0;
    while (kind < cumulative.length - 1 && u >= cumulative[kind]) {
      kind++;
    }
    switch (kind) {
      case 1:
        return new Statement.Increment(key, 1);
      case 2:
        return new Statement.Delete(key);
      case 3:
        return new Statement.UpdatePrefix(prefixOf(key), value, valueBytes);
      case 4:
        return new Statement.AssignCall(key, Statement.Call.NOW);
      case 5:
        return new Statement.AssignCall(key, Statement.Call.RAND);
      case 6:
        return new Statement.AssignCall(key, Statement.Call.UUID);
      default:
        return new Statement.Assign(key, value, valueBytes);
    }
  }

  /** The key without its last character ({@code k123} gives {@code k12}); a two-character key is its own prefix. */
  static String prefixOf(String key) {
    return key.length() > 2 ? key.substring(0, key.length() - 1) : key;
  }
}
