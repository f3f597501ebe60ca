package dev.replsim.scenario;

import java.util.List;

/**
 * The {@code workload.statements} section: the share of each kind of statement the clients send.
 * The shares add up to 1; the default is plain {@code SET k = v} only.
 *
 * @param set {@code SET k = 'v'}
 * @param incr {@code INCR k BY 1}
 * @param delete {@code DELETE k}
 * @param updatePrefix {@code UPDATE SET value = 'v' WHERE key PREFIX p}: the key without its last
 *     character, so about ten rows of k1..k1000
 * @param setNow {@code SET k = NOW()}
 * @param setRand {@code SET k = RAND()}
 * @param setUuid {@code SET k = UUID()}
 */
public record StatementMix(
    double set, double incr, double delete, double updatePrefix, double setNow, double setRand, double setUuid) {

  /** Only {@code SET k = v}: the workload before the statement mix existed. */
  public static final StatementMix SET_ONLY = new StatementMix(1, 0, 0, 0, 0, 0, 0);

  /** The kinds as scenarios name them, in the order of {@link #shares()}. */
  public static final List<String> KINDS =
      List.of("set", "incr", "delete", "update-prefix", "set-now", "set-rand", "set-uuid");

  /** The shares in the order of {@link #KINDS}. */
  public double[] shares() {
    return new double[] {set, incr, delete, updatePrefix, setNow, setRand, setUuid};
  }

  /** Whether every statement is a plain SET, so no choice needs to be drawn. */
  public boolean setOnly() {
    return set == 1;
  }

  /** The share of NOW(), RAND() and UUID() statements together. */
  public double nondeterministic() {
    return setNow + setRand + setUuid;
  }
}
