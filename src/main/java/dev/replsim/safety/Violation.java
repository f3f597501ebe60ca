package dev.replsim.safety;

/**
 * An invariant a run broke.
 *
 * @param invariant the {@link Invariant#name() name} of the invariant
 * @param detail what was wrong, in one line
 */
public record Violation(String invariant, String detail) {

  @Override
  public String toString() {
    return invariant + ": " + detail;
  }
}
