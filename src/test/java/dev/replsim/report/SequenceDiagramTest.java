package dev.replsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.TracedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SequenceDiagramTest {

  private static final List<String> NODES = List.of("leader", "follower-1", "follower-2");
  private static final NodeColors COLORS = new NodeColors(NODES);
  private static final Incidents NONE = new Incidents(List.of(), List.of());

  private static TracedMessage entries(double sent, String to, long lsn) {
    return new TracedMessage(sent, sent + 30, "leader", to, "AppendEntries", lsn, lsn + 2, 312, false);
  }

  private static SequenceDiagram.Drawing draw(List<TracedMessage> messages, Incidents incidents, SequenceWindow w) {
    return SequenceDiagram.draw("seq", NODES, COLORS, messages, incidents, List.<RunEvent>of(), w);
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void drawsOneArrowPerMessageSentInTheWindow() {
    List<TracedMessage> messages = List.of(entries(-5, "follower-1", 1), entries(10, "follower-1", 4),
        entries(10, "follower-2", 4), entries(1990, "follower-2", 7), entries(2000, "follower-1", 10));

    SequenceDiagram.Drawing d = draw(messages, NONE, SequenceWindow.chosen(0, 2000));

    assertEquals(3, d.arrows());
    assertEquals(3, count(d.svg(), "<g class='msg t-AppendEntries'>"));
    assertEquals(3, count(d.svg(), "marker-end='url\\(#seq-ah0\\)'"), "arrowheads in the sender's colour");
  }

  @Test
  void hoveringAnArrowShowsTheMessage() {
    SequenceDiagram.Drawing d = draw(List.of(entries(100, "follower-2", 12)), NONE, SequenceWindow.chosen(0, 2000));

    assertTrue(d.svg().contains("<title>AppendEntries leader → follower-2 · LSN 12–14 (3 entries) · 312 B · sent"
        + " 100.000 ms · delivered 130.000 ms (30.000 ms)</title>"), d.svg());
  }

  @Test
  void aDroppedMessageEndsInACrossInsteadOfAnArrowhead() {
    TracedMessage dropped = new TracedMessage(50, Double.NaN, "leader", "follower-1", "Heartbeat", -1, 9, 40, true);

    SequenceDiagram.Drawing d = draw(List.of(dropped), NONE, SequenceWindow.chosen(0, 2000));

    assertEquals(1, d.dropped());
    assertTrue(d.svg().contains("<g class='msg t-Heartbeat dropped'>"));
    assertTrue(d.svg().contains("<path class='drop'"));
    assertTrue(!d.svg().contains("marker-end"), "a dropped message has no arrowhead");
    assertTrue(d.svg().contains("· dropped</title>"));
  }

  @Test
  void aFaultShadesTheLifelinesItHits() {
    Incidents crash = new Incidents(List.of(new FaultWindow(500, 800, "crash", List.of("leader"), true),
        new FaultWindow(900, 1200, "partition", List.of(), true)), List.of());

    SequenceDiagram.Drawing d = draw(List.of(entries(100, "follower-1", 1)), crash, SequenceWindow.chosen(0, 2000));

    assertEquals(1 + NODES.size(), count(d.svg(), "<rect class='fault'"), "the crash on one lane, the partition on all");
    assertTrue(d.svg().contains("crash leader: 500.0 to 800.0 ms"));
  }

  @Test
  void aCrowdedWindowShowsItsFirstMessagesOnly() {
    List<TracedMessage> messages = new ArrayList<>();
    for (int i = 0; i < SequenceDiagram.MAX_ARROWS + 500; i++) {
      messages.add(entries(i * 0.5, "follower-1", i + 1));
    }

    SequenceDiagram.Drawing d = draw(messages, NONE, SequenceWindow.chosen(0, 2000));

    assertEquals(SequenceDiagram.MAX_ARROWS, d.arrows());
    assertTrue(d.note().contains("the first 3,000 messages"), d.note());
  }

  @Test
  void lifelinesAreLabelledWithTheRoleAtTheStartOfTheWindow() {
    List<RunEvent> roles = List.of(new RunEvent(0, "role", "leader", RunEvent.details("role", "leader")),
        new RunEvent(0, "role", "follower-1", RunEvent.details("role", "follower")));

    SequenceDiagram.Drawing d = SequenceDiagram.draw("seq", NODES, COLORS, List.of(), NONE, roles,
        SequenceWindow.chosen(0, 2000));

    assertTrue(d.labels().contains(">leader</text><text class='node-role'"), d.labels());
    assertTrue(d.labels().contains(">follower</text>"), d.labels());
    assertTrue(d.labels().contains("fill='" + COLORS.css("follower-2") + "'>follower-2</text>"));
  }

  @Test
  void theDefaultWindowIsCentredOnTheFirstFaultOrStartsAtZero() {
    assertEquals(new SequenceWindow(9000, 11_000, "the 2 s around the first fault"),
        SequenceWindow.around(10_000.0, 2000));
    assertEquals(new SequenceWindow(0, 2000, "the 2 s around the first fault"), SequenceWindow.around(300.0, 2000));
    assertEquals(new SequenceWindow(0, 2000, "the first 2 s of the writes"), SequenceWindow.around(null, 2000));
  }
}
