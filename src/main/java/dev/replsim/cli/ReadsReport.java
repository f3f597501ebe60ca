package dev.replsim.cli;

import dev.replsim.metrics.Summary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lines {@code replsim run} prints about reads, when the run read: who answered, the anomalies
 * found in the history and how stale the stale reads were, how the session guarantee was kept,
 * and the linearizability verdict with its minimal counterexamples when it was checked. Lines wrap
 * to stay within 100 columns.
 */
final class ReadsReport {

  private static final int WIDTH = 100;
  private static final String INDENT = " ".repeat(17);

  private final PrintWriter out;

  ReadsReport(PrintWriter out) {
    this.out = out;
  }

  void print(Summary summary) {
    Summary.Reads r = summary.reads();
    if (r.total() + r.failed() > 0) {
      row("reads", String.format(Locale.ROOT, "%d answered (%s)%s%s", r.total(),
          byNode(r.byNode(), summary.cluster().leader()), r.failed() > 0 ? ", " + r.failed() + " failed" : "",
          r.probes() > 0 ? ", " + r.probes() + " of them read-after-write probes" : ""));
      row("read anomalies", !r.checked() ? "not checked (check.anomalies = false: no history was recorded)"
          : String.format(Locale.ROOT, "%d stale, %d read-your-writes, %d monotonic-read, %d consistent-prefix "
              + "violations", r.stale(), r.readYourWritesViolations(), r.monotonicReadViolations(),
              r.consistentPrefixViolations()));
      if (r.checked() && r.stale() > 0 && r.staleness() != null) {
        row("staleness", String.format(Locale.ROOT, "a stale read missed %.1f versions on average; the newest it "
            + "missed was acknowledged %.1f ms before it (p99 %.1f ms)", r.staleness().versions().mean(),
            r.staleness().ms().mean(), r.staleness().ms().p99()));
      }
      Summary.Session s = r.session();
      if (s != null && !"none".equals(s.guarantee())) {
        row("session", String.format(Locale.ROOT, "%s: %d reads held by a follower until it had applied the "
            + "session's position (held p50 %.1f ms, max %.1f), %d sent on to the leader", s.guarantee(),
            s.waited(), s.holdMs().p50(), s.holdMs().max(), s.redirected()));
      }
    }
    Summary.Linearizability l = summary.linearizability();
    if (l != null) {
      row("linearizability", String.format(Locale.ROOT, "%s (%d operations%s, %d keys: %d not linearizable, "
          + "%d unknown)", l.verdict(), l.checkedOperations(), l.checkedUpToMs() == null ? ""
              : String.format(Locale.ROOT, " of %d: those invoked before %.1f ms", l.operations(), l.checkedUpToMs()),
          l.keys(), l.notLinearizableKeys(), l.unknownKeys()));
      for (Summary.Counterexample c : l.counterexamples()) {
        row("", String.format(Locale.ROOT, "key %s: %d operations cannot be ordered: %s", c.key(),
            c.operations().size(), c.explanation()));
        c.operations().forEach(op -> out.println(INDENT + "  " + op));
      }
    }
  }

  /** {@code 3400 by followers, 1200 by the leader}. */
  private static String byNode(Map<String, Long> byNode, String leader) {
    long fromLeader = byNode.getOrDefault(leader, 0L);
    long fromFollowers = byNode.values().stream().mapToLong(Long::longValue).sum() - fromLeader;
    List<String> parts = new ArrayList<>();
    if (fromFollowers > 0) {
      parts.add(fromFollowers + " by followers");
    }
    if (fromLeader > 0) {
      parts.add(fromLeader + " by the leader");
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  /** A labelled row, its text wrapped at word boundaries under the first line's text. */
  private void row(String label, String value) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s ", label));
    for (String word : value.split(" ")) {
      if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
        out.println(line.toString().stripTrailing());
        line = new StringBuilder(INDENT);
      } else if (line.length() > INDENT.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.println(line);
  }
}
