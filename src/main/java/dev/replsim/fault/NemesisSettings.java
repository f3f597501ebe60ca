package dev.replsim.fault;

import dev.replsim.network.LinkPatch;
import dev.replsim.random.Distribution;
import java.util.List;

/**
 * The {@code nemesis} section: a seeded, Jepsen-style stream of faults. From {@code start}, every
 * {@code interval} it picks a fault kind and a target at random and undoes the fault after
 * {@code duration}.
 *
 * @param kinds fault kinds to pick from: partition, crash, pause, slow, link, skew
 * @param targets target selectors to pick from
 * @param slowApplyTime the apply time of a {@code slow} fault
 * @param link what a {@code link} fault does to the target's links, both ways
 * @param skewMicros how far a {@code skew} fault moves a clock (ahead or behind, at random)
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
    long skewMicros) {

  /** The kinds a nemesis can draw. */
  public static final List<String> KINDS = List.of("partition", "crash", "pause", "slow", "link", "skew");

  public NemesisSettings {
    kinds = List.copyOf(kinds);
    targets = List.copyOf(targets);
  }
}
