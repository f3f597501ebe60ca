package dev.replsim.report;

import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Summary;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's figures from {@code summary.json} as the report's headline cards and tables: lag per
 * follower, commit latency percentiles, anomaly counts, faults, failovers, network and run.
 */
final class SummaryTables {

  private final Summary s;
  private final NodeColors colors;

  SummaryTables(Summary summary, NodeColors colors) {
    this.s = summary;
    this.colors = colors;
  }

  /** The headline numbers, one card each. */
  String cards() {
    StringBuilder out = new StringBuilder("<div class='cards'>");
    LatencyStats commit = s.commitLatencyMs();
    card(out, "commit latency p50 / p99", Html.ms(commit.p50()) + " / " + Html.ms(commit.p99()) + " ms", "");
    double worstApply = 0;
    long worstBehind = 0;
    for (Summary.FollowerLag lag : s.lag().values()) {
      worstApply = Math.max(worstApply, lag.applyMs().p99());
      worstBehind = Math.max(worstBehind, lag.maxEntriesBehind());
    }
    card(out, "apply lag p99, worst follower", s.lag().isEmpty() ? "–" : Html.ms(worstApply) + " ms", "");
    card(out, "most entries behind", s.lag().isEmpty() ? "–" : Html.count(worstBehind), "");
    if (s.throughput() != null) {
      card(out, "writes/s acknowledged", Html.rate(s.throughput().writesPerSec()),
          Html.rate(s.throughput().replicatedWritesPerSec()) + " replicated");
    }
    Summary.Writes w = s.writes();
    card(out, "writes acknowledged", Html.count(w.acknowledged()), "of " + Html.count(w.attempted()) + " attempted");
    out.append(w.lost() > 0 ? "<div class='card bad'>" : "<div class='card'>");
    out.append("<div class='k'>writes lost</div><div class='v'>").append(Html.count(w.lost())).append("</div></div>");
    boolean converged = s.convergence().converged();
    out.append(converged ? "<div class='card good'>" : "<div class='card bad'>")
        .append("<div class='k'>replicas</div><div class='v'>").append(converged ? "converged" : "diverged")
        .append("</div>").append(converged ? "" : "<div class='sub'>" + Html.esc(String.join(", ",
            s.convergence().divergentNodes())) + "</div>").append("</div>");
    if (!s.failovers().isEmpty()) {
      card(out, "failovers", Integer.toString(s.failovers().size()), "leader at the end: " + s.cluster().leader());
    }
    return out.append("</div>").toString();
  }

  private static void card(StringBuilder out, String key, String value, String sub) {
    out.append("<div class='card'><div class='k'>").append(Html.esc(key)).append("</div><div class='v'>")
        .append(Html.esc(value)).append("</div>");
    if (!sub.isEmpty()) {
      out.append("<div class='sub'>").append(Html.esc(sub)).append("</div>");
    }
    out.append("</div>");
  }

  String lag() {
    HtmlTable t = new HtmlTable("follower", "apply p50", "p90", "p99", "max", "receive p50", "durable p50",
        "max entries behind", "max bytes behind", "applied LSN");
    for (Map.Entry<String, Summary.FollowerLag> e : s.lag().entrySet()) {
      Summary.FollowerLag l = e.getValue();
      t.row(HtmlTable.node(e.getKey(), colors), Html.ms(l.applyMs().p50()), Html.ms(l.applyMs().p90()),
          Html.ms(l.applyMs().p99()), Html.ms(l.applyMs().max()), Html.ms(l.receiveMs().p50()),
          Html.ms(l.durableMs().p50()), Html.count(l.maxEntriesBehind()), Html.bytes(l.maxBytesBehind()),
          Html.count(l.appliedLsn()));
    }
    return t.isEmpty() ? "<p class='muted'>No followers, so no replication lag.</p>"
        : "<p class='muted'>Milliseconds from the leader appending an entry to the follower receiving,"
            + " making durable and applying it.</p>" + t.html();
  }

  String commitLatency() {
    LatencyStats c = s.commitLatencyMs();
    return new HtmlTable("", "writes", "mean", "p50", "p90", "p99", "max")
        .row("commit latency (ms)", Html.count(c.count()), Html.ms(c.mean()), Html.ms(c.p50()), Html.ms(c.p90()),
            Html.ms(c.p99()), Html.ms(c.max()))
        .html();
  }

  /** Every kind of anomaly the run counts; read anomalies only when the run made reads. */
  String anomalies(List<RunEvent> events) {
    HtmlTable t = new HtmlTable("anomaly", "count", "what it means").css("anomalies");
    Summary.Writes w = s.writes();
    count(t, "lost writes", w.lost(), "acknowledged, but absent from the final leader's log");
    count(t, "failed writes", w.failed(), "not committed by the end of the run");
    count(t, "semi-sync fallbacks", w.fallbacks(), "writes committed as async after the semi-sync timeout");
    count(t, "divergent replicas", s.convergence().divergentNodes().size(), "replicas whose data differ from the leader's at the end");
    count(t, "gaps detected", events.stream().filter(e -> e.type().equals("gap-detected")).count(),
        "a follower received entries after a missing one and asked for a resend");
    if (s.network() != null) {
      count(t, "messages dropped", s.network().dropped(), "lost by the emulated network");
      count(t, "messages duplicated", s.network().duplicated(), "delivered twice by the emulated network");
    }
    Summary.Reads r = s.reads();
    if (r.total() > 0) {
      count(t, "stale reads", r.stale(), "of " + Html.count(r.total()) + " reads, an older value than the last committed");
      count(t, "read-your-writes violations", r.readYourWritesViolations(), "a client did not see its own write");
      count(t, "monotonic-read violations", r.monotonicReadViolations(), "a client saw a value older than one it had seen");
      count(t, "consistent-prefix violations", r.consistentPrefixViolations(), "a client saw writes out of order");
    }
    return t.html();
  }

  private static void count(HtmlTable t, String name, long n, String meaning) {
    t.row(Html.esc(name), n == 0 ? "<span class='zero'>0</span>" : "<span class='nonzero'>" + Html.count(n) + "</span>",
        Html.esc(meaning));
  }

  String faults(List<FaultWindow> faults) {
    HtmlTable t = new HtmlTable("fault", "nodes", "from (ms)", "to (ms)", "lasted (ms)");
    for (FaultWindow f : faults) {
      t.row(Html.esc(f.fault()), f.nodes().isEmpty() ? "all" : nodes(f.nodes()), Html.ms(f.startMs()),
          f.healed() ? Html.ms(f.endMs()) : "not healed", f.healed() ? Html.ms(f.endMs() - f.startMs()) : "–");
    }
    return t.html();
  }

  String failovers() {
    HtmlTable t = new HtmlTable("at (ms)", "old leader", "new leader", "term", "cause", "detection (ms)",
        "election (ms)", "unavailable (ms)", "lost writes");
    for (Summary.Failover f : s.failovers()) {
      String cause = f.cause() == null ? "" : Html.esc(f.cause()) + (f.needless() ? " (needless)" : "");
      t.row(Html.ms(f.atMs()), HtmlTable.node(f.oldLeader(), colors), HtmlTable.node(f.newLeader(), colors),
          Long.toString(f.term()), cause, Html.ms(orNaN(f.detectionMs())), Html.ms(orNaN(f.electionMs())),
          Html.ms(orNaN(f.unavailableMs())), Html.count(f.lostWrites()));
    }
    Summary.FailoverStats st = s.failover();
    String split = st == null || st.maxLeaders() < 2 ? ""
        : String.format(Locale.ROOT, "<p>Split brain: up to %d leaders at once for %s ms, %s conflicting writes.</p>",
            st.maxLeaders(), Html.ms(st.multipleLeadersMs()), Html.count(st.conflictingWrites()));
    return t.html() + split;
  }

  private static double orNaN(Double ms) {
    return ms == null ? Double.NaN : ms;
  }

  String network() {
    HtmlTable t = new HtmlTable("", "value");
    Summary.NetworkStats n = s.network();
    if (n != null) {
      t.row("messages sent / delivered", Html.count(n.sent()) + " / " + Html.count(n.delivered()));
      t.row("bytes shipped", Html.bytes(n.bytes()));
      if (n.deliveryErrorMs() != null) {
        t.row("delivery error p99 / max", Html.ms(n.deliveryErrorMs().p99()) + " / " + Html.ms(n.deliveryErrorMs().max())
            + " ms");
      }
    }
    Summary.Run r = s.run();
    if (r != null && "virtual".equals(r.driver())) {
      t.row("driver", "virtual time (exact, reproducible from the seed)");
      t.row("writes / drain (simulated)", String.format(Locale.ROOT, "%s / %s ms%s", Html.ms(r.writeMs()),
          Html.ms(r.drainMs()), r.drained() ? "" : " (drain timed out)"));
    } else if (r != null) {
      t.row("driver", "live (a Pekko Cluster over Artery on 127.0.0.1, real time)");
      t.row("start-up / writes / drain", String.format(Locale.ROOT, "%s / %s / %s ms%s%s", Html.ms(r.startupMs()),
          Html.ms(r.writeMs()), Html.ms(r.drainMs()), r.drained() ? "" : " (drain timed out)",
          r.warmUpMs() > 0 ? " (start-up includes a " + Html.ms(r.warmUpMs()) + " ms warm-up)" : ""));
      t.row("peak heap", Html.bytes(r.peakHeapBytes()));
    }
    return t.html();
  }

  private String nodes(List<String> names) {
    StringBuilder out = new StringBuilder();
    for (String n : names) {
      out.append(out.length() == 0 ? "" : " ").append(HtmlTable.node(n, colors));
    }
    return out.toString();
  }
}
