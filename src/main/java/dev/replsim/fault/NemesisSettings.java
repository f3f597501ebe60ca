package dev.replsim.fault;

import dev.replsim.network.LinkPatch;
import dev.replsim.random.Distribution;
import java.util.List;

/**
 * The {@code nemesis} section: a seeded, Jepsen-style stream of faults. From {@code start}, every
 * {@code interval} it picks a fault kind and a target at random and undoes the fault after
 * {@code duration}; with a {@code jitter}, each fault strikes at a uniformly random instant up to
 * that long after its slot.
 *
 * @param kinds fault kinds to pick from: partition, crash, pause, slow, link, skew
 * @param targets target selectors to pick from
 * @param slowApplyTime the apply time of a {@code slow} fault
 * @param link what a {@code link} fault does to the target's links, both ways
 * @param skewMicros how far a {@code skew} fault moves a clock (ahead or behind, at random)
 * @param jitterMicros each fault strikes at its slot plus a uniform draw in [0, jitter); 0 for
 *     exactly at its slot
 */
public record NemesisSettings(
    boolean enabled,
    long startMicros,
    long intervalMicros,
    long durationMicros,
    List<String> kinds,
    List<Target> targets,
    Distribution slowApplyTime,
    LinkPatch link,
    long skewMicros,
    long jitterMicros) {

  /** The kinds a nemesis can draw. */
  public static final List<String> KINDS = List.of("partition", "crash", "pause", "slow", "link", "skew");

  public NemesisSettings {
    kinds = List.copyOf(kinds);
    targets = List.copyOf(targets);
  }

  /** A nemesis whose faults strike exactly at their slots. */
  public NemesisSettings(boolean enabled, long startMicros, long intervalMicros, long durationMicros,
      List<String> kinds, List<Target> targets, Distribution slowApplyTime, LinkPatch link, long skewMicros) {
    this(enabled, startMicros, intervalMicros, durationMicros, kinds, targets, slowApplyTime, link, skewMicros, 0);
  }
}
