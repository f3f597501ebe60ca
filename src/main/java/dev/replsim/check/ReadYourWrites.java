package dev.replsim.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds read-your-writes violations: a client reads a key and sees neither its own newest write to
 * that key acknowledged before the read was invoked nor any newer version. This is the session
 * guarantee a user relies on when they reload a page after saving (Terry et al., "Session
 * Guarantees for Weakly Consistent Replicated Data", 1994). Writes of other clients, and the
 * client's writes still unanswered when it reads, do not count.
 */
public final class ReadYourWrites {

  private ReadYourWrites() {}

  /**
   * One violation.
   *
   * @param read the read that missed the client's own write
   * @param ownWrite the client's newest write to the key acknowledged before the read was invoked
   */
  public record Violation(Operation read, Operation ownWrite) implements Anomaly {

    @Override
    public String type() {
      return "read-your-writes-violation";
    }

    @Override
    public Map<String, Object> details() {
      return Anomaly.aboutRead(read, "ownWrite", ownWrite.id(), "ownValue", ownWrite.value(),
          "sinceAckMs", Anomaly.ms(read.invokeMicros() - ownWrite.completeMicros()));
    }
  }

  /**
   * Every violation in the history; {@code checked} counts the OK reads (with placeable values) of
   * a key the reading client had written to before.
   */
  public static Findings<Violation> check(History history, int maxSamples) {
    Samples<Violation> samples = new Samples<>(maxSamples);
    long checked = 0;
    for (String client : history.clients()) {
      for (List<Operation> ops : byKey(history.ofClient(client)).values()) {
        Acknowledged own = new Acknowledged(ops);
        for (Operation read : ops) {
          if (!read.isRead() || !read.ok()) {
            continue;
          }
          Operation ownWrite = own.newestBefore(read.invokeMicros());
          long seen = history.versions(read.key()).versionSeenBy(read);
          if (ownWrite == null || seen == Versions.UNPLACED) {
            continue;
          }
          checked++;
          if (seen < ownWrite.lsn()) {
            samples.add(new Violation(read, ownWrite));
          }
        }
      }
    }
    return samples.findings(checked);
  }

  private static Map<String, List<Operation>> byKey(List<Operation> ops) {
    Map<String, List<Operation>> byKey = new LinkedHashMap<>();
    for (Operation op : ops) {
      byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
    }
    return byKey;
  }
}
