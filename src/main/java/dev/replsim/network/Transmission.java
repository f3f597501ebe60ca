package dev.replsim.network;

/**
 * What a link decided for one message: when it is delivered, whether a second copy is delivered
 * too, or why it is never delivered.
 *
 * @param deliverAtMicros the delivery instant; for a dropped message, the instant it would have
 *     arrived had it not been lost or cut off (for drawing it on its way, never for delivering it)
 * @param duplicateAtMicros the delivery instant of a duplicate copy, or -1 when there is none
 */
public record Transmission(Fate fate, long deliverAtMicros, long duplicateAtMicros) {

  /** What happens to a message on its link. */
  public enum Fate {
    DELIVERED,
    /** Lost to the link's loss probability. */
    LOST,
    /** Cut off by a partition between its two ends. */
    PARTITIONED
  }

  public boolean delivered() {
    return fate == Fate.DELIVERED;
  }

  public boolean duplicated() {
    return duplicateAtMicros >= 0;
  }
}
