package dev.replsim.report;

import dev.replsim.metrics.TracedMessage;

/**
 * What hovering a message in the sequence diagram shows: {@code AppendEntries leader → follower-1 ·
 * LSN 12-14 · 312 B · sent 1204.512 ms · delivered 1236.020 ms (31.508 ms)}.
 */
final class MessageText {

  private MessageText() {}

  static String describe(TracedMessage m) {
    StringBuilder s = new StringBuilder();
    s.append(m.type()).append(' ').append(m.from()).append(" → ").append(m.to());
    String lsns = lsns(m);
    if (!lsns.isEmpty()) {
      s.append(" · ").append(lsns);
    }
    s.append(" · ").append(Html.bytes(m.bytes()));
    precise(s.append(" · sent "), m.sentMs()).append(" ms");
    if (m.dropped()) {
      s.append(" · dropped");
    } else {
      precise(s.append(" · delivered "), m.deliveredMs()).append(" ms (");
      precise(s, m.deliveredMs() - m.sentMs()).append(" ms)");
    }
    return s.toString();
  }

  /** The LSNs as each message type means them (see {@code messages.csv} in the README). */
  private static String lsns(TracedMessage m) {
    long first = m.firstLsn();
    long last = m.lastLsn();
    boolean hasFirst = first != TracedMessage.NO_LSN;
    boolean hasLast = last != TracedMessage.NO_LSN;
    switch (m.type()) {
      case "Ack":
        return hasLast ? "applied up to LSN " + last : "";
      case "Heartbeat":
        return hasLast ? "last shipped LSN " + last : "";
      case "ResendRequest":
        return hasFirst ? "resend from LSN " + first : "";
      default:
        if (hasFirst && hasLast) {
          return first == last ? "LSN " + first : "LSN " + first + "–" + last + " (" + (last - first + 1) + " entries)";
        }
        return hasFirst ? "LSN " + first : hasLast ? "LSN " + last : "";
    }
  }

  private static StringBuilder precise(StringBuilder s, double ms) {
    return Html.fixed(s, ms, 3);
  }
}
