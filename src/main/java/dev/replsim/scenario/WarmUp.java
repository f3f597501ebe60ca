package dev.replsim.scenario;

import java.time.Duration;

/**
 * {@code simulation.warm-up}: how long a live run rehearses its workload before t = 0, so that
 * what it measures is not the JIT compiling the code. {@code auto} rehearses until the compiler
 * has gone quiet, at most {@link #AUTO_LIMIT}; a duration rehearses exactly that long (0: not at all).
 *
 * @param limit the longest rehearsal
 * @param untilQuiet whether it may end earlier, once the compiler is quiet
 */
public record WarmUp(Duration limit, boolean untilQuiet) {

  /** The longest automatic warm-up: measured here, the compiler went quiet after 7 to 10 s. */
  public static final Duration AUTO_LIMIT = Duration.ofSeconds(10);

  public static final WarmUp AUTO = new WarmUp(AUTO_LIMIT, true);

  public static final WarmUp NONE = new WarmUp(Duration.ZERO, false);

  public boolean none() {
    return limit.isZero();
  }
}
