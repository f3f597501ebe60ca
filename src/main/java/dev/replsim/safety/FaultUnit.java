package dev.replsim.safety;

import java.util.List;

/**
 * One fault of a generated schedule as the scenario file writes it: one fault object, or two that
 * belong together (a crash and the restart that wipes the node's disk). Shrinking removes whole
 * units, so a schedule stays valid whatever is removed.
 *
 * @param atMs when it strikes, in ms after the writes start
 * @param description what it does, in a few words, for the console
 * @param faults the HOCON objects of the {@code faults} list
 */
public record FaultUnit(long atMs, String description, List<String> faults) {

  public FaultUnit {
    faults = List.copyOf(faults);
  }
}
