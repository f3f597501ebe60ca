package dev.replsim.report;

import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.TracedMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The message-sequence (Lamport) diagram of a window of the run, as SVG written by hand (a chart
 * library draws data against axes, not messages between lifelines): one horizontal lifeline per
 * node with time running to the right, each traced message an arrow from its sending to its
 * delivery in the sender's colour, dropped messages ending in a cross, fault windows shaded on the
 * lifelines they hit, role changes and failovers marked. Hovering an arrow shows the message.
 */
final class SequenceDiagram {

  /** Most arrows drawn: beyond this a diagram is a smear, and its SVG several megabytes. */
  static final int MAX_ARROWS = 3000;

  static final int LABEL_WIDTH = 132;
  private static final int TOP = 58;
  private static final int LANE = 66;
  private static final int BOTTOM = 30;
  private static final int PAD = 12;
  /** Pixels a typical (median) message should span, within the width limits below. */
  private static final double TYPICAL_ARROW_PX = 56;
  /** Average pixels between two messages' sending, so that a busy window spreads out. */
  private static final double SPACING_PX = 3;
  private static final double MIN_WIDTH = 1000;
  private static final double MAX_WIDTH = 9000;

  /** The lifeline labels (drawn beside the scrolling diagram), the diagram, and what it shows. */
  record Drawing(String labels, String svg, String note, int arrows, int dropped) {}

  private final List<String> nodes;
  private final NodeColors colors;
  private final StringBuilder svg = new StringBuilder(1 << 16);
  private SequenceWindow window;
  private double pxPerMs;

  private SequenceDiagram(List<String> nodes, NodeColors colors) {
    this.nodes = nodes;
    this.colors = colors;
  }

  static Drawing draw(String id, List<String> clusterNodes, NodeColors colors, List<TracedMessage> traced,
      Incidents incidents, List<RunEvent> events, SequenceWindow window) {
    List<TracedMessage> in = new ArrayList<>();
    for (TracedMessage m : traced) {
      if (window.contains(m.sentMs())) {
        in.add(m);
      }
    }
    String note = "Showing " + Html.time(window.fromMs()) + " to " + Html.time(window.toMs()) + " ms: " + window.why() + ".";
    if (in.size() > MAX_ARROWS) {
      window = new SequenceWindow(window.fromMs(), in.get(MAX_ARROWS).sentMs(), window.why());
      in = new ArrayList<>(in.subList(0, MAX_ARROWS));
      note = "Showing " + Html.time(window.fromMs()) + " to " + Html.time(window.toMs()) + " ms: the first "
          + Html.count(MAX_ARROWS) + " messages of " + window.why() + ".";
    }
    List<String> nodes = new ArrayList<>(clusterNodes);
    for (TracedMessage m : in) {
      for (String n : List.of(m.from(), m.to())) {
        if (!nodes.contains(n)) {
          nodes.add(n);
        }
      }
    }
    SequenceDiagram d = new SequenceDiagram(nodes, colors);
    d.window = window;
    d.pxPerMs = scale(in, window);
    String svg = d.render(id, in, incidents, events);
    int dropped = (int) in.stream().filter(TracedMessage::dropped).count();
    return new Drawing(d.labels(id, events), svg, note, in.size(), dropped);
  }

  /**
   * Pixels per ms: the median message about {@link #TYPICAL_ARROW_PX} long and messages sent at
   * least {@link #SPACING_PX} apart on average, the whole 1,000-9,000 px.
   */
  private static double scale(List<TracedMessage> in, SequenceWindow w) {
    List<Double> transits = new ArrayList<>();
    for (TracedMessage m : in) {
      if (!m.dropped()) {
        transits.add(m.deliveredMs() - m.sentMs());
      }
    }
    double px = MIN_WIDTH / w.lengthMs();
    if (!transits.isEmpty()) {
      transits.sort(Double::compare);
      double median = Math.max(transits.get(transits.size() / 2), 0.05);
      px = Math.max(TYPICAL_ARROW_PX / median, SPACING_PX * in.size() / w.lengthMs());
    }
    return Math.max(MIN_WIDTH / w.lengthMs(), Math.min(MAX_WIDTH / w.lengthMs(), px));
  }

  private double x(double ms) {
    return PAD + (ms - window.fromMs()) * pxPerMs;
  }

  private double y(String node) {
    return TOP + nodes.indexOf(node) * LANE;
  }

  private int height() {
    return TOP + (nodes.size() - 1) * LANE + BOTTOM;
  }

  private String render(String id, List<TracedMessage> in, Incidents incidents, List<RunEvent> events) {
    double endMs = window.toMs();
    for (TracedMessage m : in) {
      if (!m.dropped()) {
        endMs = Math.max(endMs, Math.min(m.deliveredMs(), window.toMs() + window.lengthMs() / 4));
      }
    }
    double width = x(endMs) + PAD;
    svg.append("<svg xmlns='http://www.w3.org/2000/svg' id='").append(id).append("' class='sequence' width='")
        .append(Html.px(width)).append("' height='").append(height()).append("' data-focus='")
        .append(Html.px(focus(incidents))).append("' viewBox='0 0 ")
        .append(Html.px(width)).append(' ').append(height()).append("'>");
    defs(id);
    axis(endMs);
    faults(incidents);
    for (String n : nodes) {
      svg.append("<line class='life' x1='0' x2='").append(Html.px(width)).append("' y1='").append(y(n))
          .append("' y2='").append(y(n)).append("' stroke='").append(colors.css(n)).append("'/>");
    }
    for (TracedMessage m : in) {
      arrow(id, m);
    }
    roles(events, incidents);
    svg.append("</svg>");
    return svg.toString();
  }

  /** Where the page first scrolls the diagram to: the first fault in the window, or its start. */
  private double focus(Incidents incidents) {
    for (FaultWindow f : incidents.faults()) {
      if (window.contains(f.startMs())) {
        return x(f.startMs());
      }
    }
    return 0;
  }

  private void defs(String id) {
    svg.append("<defs>");
    for (int i = 0; i < nodes.size(); i++) {
      svg.append("<marker id='").append(id).append("-ah").append(i).append("' viewBox='0 0 8 8' refX='7.5' refY='4'"
          + " markerWidth='7' markerHeight='7' orient='auto-start-reverse'><path d='M0,0L8,4L0,8z' fill='")
          .append(colors.css(nodes.get(i))).append("'/></marker>");
    }
    svg.append("</defs>");
  }

  /** Vertical grid lines with their times, at a round step at least 90 px apart. */
  private void axis(double endMs) {
    double step = niceStep(90 / pxPerMs);
    double first = Math.ceil(window.fromMs() / step) * step;
    for (double t = first; t <= endMs; t += step) {
      double x = x(t);
      if (x < 30) {
        continue; // its label would be cut off by the left edge
      }
      svg.append("<line class='grid' x1='").append(Html.px(x)).append("' x2='").append(Html.px(x))
          .append("' y1='22' y2='").append(height() - 8).append("'/>");
      svg.append("<text class='tick' x='").append(Html.px(x)).append("' y='16'>").append(tick(t, step))
          .append("</text>");
    }
  }

  private static double niceStep(double minMs) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(minMs, 1e-3))));
    for (double f : new double[] {1, 2, 5, 10}) {
      if (f * magnitude >= minMs) {
        return f * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String tick(double t, double step) {
    return String.format(Locale.ROOT, step >= 1 ? "%,.0f ms" : "%,.1f ms", t);
  }

  private void faults(Incidents incidents) {
    for (FaultWindow f : incidents.faults()) {
      if (f.endMs() < window.fromMs() || f.startMs() > window.toMs() + window.lengthMs()) {
        continue;
      }
      double x1 = x(Math.max(f.startMs(), window.fromMs()));
      double x2 = x(Math.min(f.endMs(), window.toMs() + window.lengthMs()));
      for (String n : nodes) {
        if (f.hits(n)) {
          svg.append("<rect class='fault' x='").append(Html.px(x1)).append("' y='").append(y(n) - 20)
              .append("' width='").append(Html.px(Math.max(2, x2 - x1))).append("' height='40'><title>")
              .append(Html.esc(f.label())).append(": ").append(Html.ms(f.startMs())).append(" to ")
              .append(f.healed() ? Html.ms(f.endMs()) + " ms" : "the end").append("</title></rect>");
          svg.append("<text class='fault-label' x='").append(Html.px(x1 + 3)).append("' y='").append(y(n) - 23)
              .append("'>").append(Html.esc(f.fault())).append("</text>");
        }
      }
    }
  }

  private void arrow(String id, TracedMessage m) {
    double x1 = x(m.sentMs());
    double y1 = y(m.from());
    double x2;
    double y2;
    if (m.dropped()) {
      // no delivery: half way towards the receiver, over a typical transit, then a cross
      x2 = x1 + TYPICAL_ARROW_PX / 2;
      y2 = (y1 + y(m.to())) / 2;
    } else {
      x2 = x(m.deliveredMs());
      y2 = y(m.to());
    }
    String line = "x1='" + Html.px(x1) + "' y1='" + Html.px(y1) + "' x2='" + Html.px(x2) + "' y2='" + Html.px(y2) + "'";
    svg.append("<g class='msg t-").append(Html.esc(m.type())).append(m.dropped() ? " dropped" : "").append("'><title>")
        .append(Html.esc(MessageText.describe(m))).append("</title><line class='hit' ").append(line).append("/>")
        .append("<line class='arrow' ").append(line).append(" stroke='").append(colors.css(m.from())).append('\'');
    if (!m.dropped()) {
      svg.append(" marker-end='url(#").append(id).append("-ah").append(nodes.indexOf(m.from())).append(")'");
    }
    svg.append("/>");
    if (m.dropped()) {
      svg.append("<path class='drop' d='M").append(Html.px(x2 - 4)).append(',').append(Html.px(y2 - 4)).append("l8,8m0,-8l-8,8'/>");
    }
    svg.append("</g>");
  }

  /** Role changes inside the window, and failovers, as marks on the new leader's lifeline. */
  private void roles(List<RunEvent> events, Incidents incidents) {
    for (RunEvent e : events) {
      if ("role".equals(e.type()) && e.node() != null && e.tMs() > 0 && window.contains(e.tMs())
          && nodes.contains(e.node())) {
        mark(e.tMs(), e.node(), String.valueOf(e.details().get("role")));
      }
    }
    for (Marker m : incidents.failovers()) {
      if (window.contains(m.atMs())) {
        double x = x(m.atMs());
        svg.append("<line class='failover' x1='").append(Html.px(x)).append("' x2='").append(Html.px(x))
            .append("' y1='24' y2='").append(height() - 8).append("'><title>").append(Html.esc(m.label()))
            .append("</title></line><text class='failover-label' x='").append(Html.px(x + 4)).append("' y='34'>")
            .append(Html.esc(m.label())).append("</text>");
      }
    }
  }

  private void mark(double ms, String node, String role) {
    double x = x(ms);
    double y = y(node);
    svg.append("<path class='role' d='M").append(Html.px(x)).append(',').append(Html.px(y - 7)).append("l7,7l-7,7l-7,-7z'>")
        .append("<title>").append(Html.esc(node + " becomes " + role + " at " + Html.ms(ms) + " ms"))
        .append("</title></path><text class='role-label' x='").append(Html.px(x + 9)).append("' y='")
        .append(Html.px(y + 18)).append("'>").append(Html.esc(role)).append("</text>");
  }

  /** The fixed column of node names, each with its role when the window starts. */
  private String labels(String id, List<RunEvent> events) {
    Map<String, String> roleAtStart = new HashMap<>();
    for (RunEvent e : events) {
      if ("role".equals(e.type()) && e.node() != null && e.tMs() <= window.fromMs()) {
        roleAtStart.put(e.node(), String.valueOf(e.details().get("role")));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns='http://www.w3.org/2000/svg' id='").append(id).append("-nodes' class='lifelines' width='")
        .append(LABEL_WIDTH).append("' height='").append(height()).append("'>");
    for (String n : nodes) {
      out.append("<text class='node' x='").append(LABEL_WIDTH - 10).append("' y='").append(y(n) + 4)
          .append("' fill='").append(colors.css(n)).append("'>").append(Html.esc(n)).append("</text>");
      if (roleAtStart.containsKey(n)) {
        out.append("<text class='node-role' x='").append(LABEL_WIDTH - 10).append("' y='").append(y(n) + 19)
            .append("'>").append(Html.esc(roleAtStart.get(n))).append("</text>");
      }
    }
    return out.append("</svg>").toString();
  }
}
