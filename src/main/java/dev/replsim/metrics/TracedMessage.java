package dev.replsim.metrics;

/**
 * One row of {@code messages.csv}: a message between two nodes as the emulated network carried it,
 * for the report's message-sequence diagram. Times are milliseconds since the writes started.
 *
 * @param sentMs when the sender handed it to its link
 * @param deliveredMs the delivery instant its link sampled; NaN when it was dropped
 * @param type the message's class name, e.g. {@code AppendEntries}
 * @param firstLsn the first LSN it carries or refers to, or {@link #NO_LSN}
 * @param lastLsn the last LSN it carries or refers to, or {@link #NO_LSN}
 * @param bytes its size on the wire, under the size model
 */
public record TracedMessage(
    double sentMs,
    double deliveredMs,
    String from,
    String to,
    String type,
    long firstLsn,
    long lastLsn,
    int bytes,
    boolean dropped) {

  /** The LSN columns of a message that carries or refers to none. */
  public static final long NO_LSN = -1;
}
