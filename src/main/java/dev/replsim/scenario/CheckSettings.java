package dev.replsim.scenario;

/**
 * The {@code check} section: what the run checks its recorded history of client operations for.
 *
 * @param anomalies when clients read, record every operation and count stale reads and broken
 *     session guarantees at the end; false records nothing (reads are still counted)
 * @param linearizable also check that the history is linearizable (small runs only: see
 *     {@link #MAX_LINEARIZABLE_OPERATIONS})
 */
public record CheckSettings(boolean anomalies, boolean linearizable) {

  /** The defaults of conf/replsim.conf: anomalies when clients read, no linearizability check. */
  public static final CheckSettings DEFAULT = new CheckSettings(true, false);

  /** The most operations the linearizability check takes on; a run expected to make more is refused. */
  public static final int MAX_LINEARIZABLE_OPERATIONS = 10_000;
}
