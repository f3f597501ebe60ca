package dev.replsim.report;

import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Summary;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The report of one run, {@code report.html}: headline cards, then lag, commit latency,
 * throughput, reads, faults and failovers, anomalies, the messages between nodes, and the network
 * and run figures. A section or chart whose data the run does not have (no reads, no faults, no
 * trace) is left out rather than drawn empty.
 */
final class RunPage {

  private static final String SEQUENCE_ID = "sequence";

  private final RunData run;
  private final NodeColors colors;
  private final Incidents incidents;
  private final RunCharts charts;
  private final SummaryTables tables;

  RunPage(RunData run) {
    this.run = run;
    this.colors = new NodeColors(run.nodes());
    this.incidents = Incidents.of(run.summary(), run.events(), run.writeMs());
    this.charts = new RunCharts(run, colors, incidents);
    this.tables = new SummaryTables(run.summary(), colors);
  }

  /**
   * The page; the sequence diagram shows {@code window}, or the default one. The charts are drawn
   * on {@code pool} while this thread draws the diagram and the tables.
   */
  String html(Optional<SequenceWindow> window, ExecutorService pool) {
    Future<Optional<Figure>> applyLag = pool.submit(charts::applyLag);
    Future<Optional<Figure>> behind = pool.submit(charts::entriesBehind);
    Future<Optional<Figure>> applyCdf = pool.submit(charts::applyLagCdf);
    Future<Optional<Figure>> commitCdf = pool.submit(charts::commitLatencyCdf);
    Future<Optional<Figure>> commitTime = pool.submit(charts::commitLatencyOverTime);
    Future<Optional<Figure>> throughput = pool.submit(charts::throughput);
    Future<Optional<Figure>> stale = pool.submit(charts::staleReads);
    String messages = messages(window);
    Summary s = run.summary();
    Page page = new Page("replsim · " + s.scenario().name() + " · " + run.label(), s.scenario().name(), meta(s))
        .intro(tables.cards());
    page.section("lag", "Replication lag", tables.lag() + figures(applyLag, behind, applyCdf));
    page.section("commits", "Commit latency", tables.commitLatency() + figures(commitCdf, commitTime));
    if (done(throughput).isPresent()) {
      page.section("throughput", "Throughput", figures(throughput));
    }
    if (s.reads().total() > 0 || done(stale).isPresent() || s.linearizability() != null) {
      page.section("reads", "Reads", "<p>" + Html.count(s.reads().total()) + " reads, " + Html.count(s.reads().stale())
          + " of them stale." + session(s.reads().session()) + linearizability(s.linearizability()) + "</p>"
          + figures(stale));
    }
    if (!incidents.isEmpty()) {
      page.section("faults", "Faults and failovers",
          (incidents.faults().isEmpty() ? "" : "<h3>Faults</h3>" + tables.faults(incidents.faults()))
              + (s.failovers().isEmpty() ? "" : "<h3>Failovers</h3>" + tables.failovers()));
    }
    page.section("anomalies", "Anomalies", tables.anomalies(run.events()));
    page.section("messages", "Messages between nodes", messages);
    page.section("network", "Network and run", tables.network());
    page.footer("Drawn by replsim from the files beside this page (summary.json, timeseries.csv, latency.csv,"
        + " messages.csv, events.jsonl, scenario.conf); draw it again with <code>replsim report "
        + Html.esc(run.label()) + "</code>.");
    return page.html();
  }

  /** How the session guarantee was kept, when there was one. */
  private static String session(Summary.Session session) {
    if (session == null || session.guarantee() == null || session.guarantee().equals("none")) {
      return "";
    }
    return " Session guarantee <b>" + Html.esc(session.guarantee()) + "</b>: " + Html.count(session.waited())
        + " reads held by a follower until it had applied the session's position (median "
        + Html.ms(session.holdMs().p50()) + " ms), " + Html.count(session.redirected()) + " sent on to the leader.";
  }

  /** The linearizability verdict, when the run was checked. */
  private static String linearizability(Summary.Linearizability l) {
    if (l == null) {
      return "";
    }
    return " Linearizability of " + Html.count(l.checkedOperations()) + " operations: <b>" + Html.esc(l.verdict())
        + "</b>" + (l.counterexamples().isEmpty() ? "." : " (a minimal counterexample is in events.jsonl).");
  }

  private String meta(Summary s) {
    int followers = s.lag().size();
    return "<b>" + Html.esc(s.cluster().method()) + "</b> replication, <b>" + Html.esc(s.cluster().mode())
        + "</b> commits · " + Html.esc(s.cluster().nodes().get(0)) + " and " + followers + " follower"
        + (followers == 1 ? "" : "s") + " · " + Html.ms(s.scenario().durationMs() / 1000.0) + " s of writes · seed "
        + s.scenario().seed() + " · " + Html.esc(s.scenario().file());
  }

  @SafeVarargs
  private static String figures(Future<Optional<Figure>>... figures) {
    StringBuilder out = new StringBuilder();
    for (Future<Optional<Figure>> f : figures) {
      done(f).ifPresent(figure -> out.append(Page.figure(figure)));
    }
    return out.toString();
  }

  /** A chart drawn on the pool; its failure is this thread's. */
  private static Optional<Figure> done(Future<Optional<Figure>> figure) {
    try {
      return figure.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while drawing the report's charts", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
    }
  }

  private String messages(Optional<SequenceWindow> chosen) {
    if (run.messages().isEmpty()) {
      return "<p class='muted'>This run has no message trace (messages.csv), so there is no message-sequence"
          + " diagram.</p>";
    }
    SequenceWindow window = chosen.orElseGet(() ->
        SequenceWindow.around(incidents.firstFaultMs(), run.sequenceWindow().toNanos() / 1e6));
    SequenceDiagram.Drawing d = SequenceDiagram.draw(SEQUENCE_ID, run.nodes(), colors, run.messages(), incidents,
        run.events(), window);
    StringBuilder out = new StringBuilder("<p class='muted'>").append(Html.esc(d.note()))
        .append(" Each arrow is one message, drawn from its sending to its delivery in the sender's colour;"
            + " point at one for its details. Scroll sideways for the rest of the window.");
    if (d.arrows() == 0) {
      out.append(" No message was traced in this window: a run traces the first report.sequence-window of its"
          + " writes and the windows around its faults.");
    }
    for (RunEvent e : run.events()) {
      if (e.type().equals("message-trace-full")) {
        out.append(" The trace reached its limit of ").append(Html.esc(String.valueOf(e.details().get("limit"))))
            .append(" messages at ").append(Html.ms(e.tMs())).append(" ms; later messages were not traced.");
        break;
      }
    }
    out.append("</p>").append(legend(d, !incidents.faults().isEmpty()));
    out.append("<div class='sequence-wrap' data-chart='sequence'>").append(d.labels())
        .append("<div class='sequence-scroll'>").append(d.svg()).append("</div></div>");
    return out.toString();
  }

  private static String legend(SequenceDiagram.Drawing d, boolean faults) {
    String line = "<svg width='34' height='10'><line x1='1' y1='5' x2='33' y2='5' stroke='#5b6475' stroke-width='1.6'";
    return "<div class='legend'><span>" + line + "/></svg>entries, acks</span><span>" + line
        + " stroke-dasharray='2 3'/></svg>heartbeat</span><span>" + line
        + " stroke-dasharray='8 3'/></svg>resend request</span>"
        + (d.dropped() > 0 ? "<span>" + line + " stroke-dasharray='3 2'/></svg>dropped (×): " + d.dropped() + "</span>" : "")
        + (faults ? "<span><svg width='18' height='12'><rect width='18' height='12' fill='rgba(225,87,89,.16)'/></svg>"
            + "fault</span>" : "")
        + "</div>";
  }
}
