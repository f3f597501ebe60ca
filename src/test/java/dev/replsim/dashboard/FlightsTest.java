package dev.replsim.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.metrics.Recorder;
import dev.replsim.protocol.AppendEntries;
import dev.replsim.protocol.Entry;
import dev.replsim.protocol.Heartbeat;
import dev.replsim.protocol.Message;
import dev.replsim.protocol.RequestVote;
import dev.replsim.storage.RowChange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The dashboard's messages in flight: a bounded ring of the latest sends and a fair sample of them. */
class FlightsTest {

  private static final Message HEARTBEAT = new Heartbeat(1, "leader", 0);
  private static final long MS = 1000;

  @Test
  void theRingKeepsOnlyTheLatestSends() {
    Flights flights = new Flights(8);
    for (int i = 0; i < 100; i++) {
      flights.carried("leader", "follower-1", HEARTBEAT, i * MS, i * MS + 40 * MS, false);
    }
    assertEquals(8, flights.held());
    List<DemoState.Flight> all = flights.during(0, Long.MAX_VALUE / 2, 0);
    assertEquals(8, all.size());
    assertEquals(92.0, all.get(0).sentMs());
    assertEquals(99.0, all.get(7).sentMs());
  }

  @Test
  void aPausedStateHasTheMessagesOnTheirWayAtItsInstant() {
    Flights flights = new Flights();
    flights.carried("leader", "follower-1", HEARTBEAT, 0, 40 * MS, false);
    flights.carried("leader", "follower-1", HEARTBEAT, 50 * MS, 90 * MS, false);
    flights.carried("leader", "follower-1", HEARTBEAT, 70 * MS, 110 * MS, false);

    List<DemoState.Flight> at60 = flights.during(60 * MS, 60 * MS, 0);

    assertEquals(List.of(new DemoState.Flight("leader", "follower-1", "heartbeat", 50, 90, false)), at60);
  }

  @Test
  void aStateHasWhatWentAndArrivedSinceTheStateBefore() {
    Flights flights = new Flights();
    flights.carried("leader", "follower-1", HEARTBEAT, 50 * MS, 90 * MS, false);   // arrived before the span
    flights.carried("leader", "follower-1", HEARTBEAT, 80 * MS, 120 * MS, false);  // arrives in it
    flights.carried("leader", "follower-1", HEARTBEAT, 150 * MS, 190 * MS, false); // goes and arrives in it
    flights.carried("leader", "follower-1", HEARTBEAT, 290 * MS, 330 * MS, false); // on its way at its end

    List<Double> sent = flights.during(100 * MS, 300 * MS, 0).stream().map(DemoState.Flight::sentMs).toList();

    assertEquals(List.of(80.0, 150.0, 290.0), sent);
  }

  @Test
  void aBusyLinkDoesNotHideTheOthers() {
    Flights flights = new Flights();
    String[] followers = {"follower-1", "follower-2", "follower-3"};
    for (int i = 0; i < 400; i++) {
      flights.carried("leader", "follower-1", HEARTBEAT, i * 10L, i * 10L + 40 * MS, false);
    }
    for (String f : followers) {
      flights.carried(f, "leader", HEARTBEAT, 3 * MS, 43 * MS, false);
      if (!f.equals("follower-1")) {
        flights.carried("leader", f, HEARTBEAT, 3 * MS, 43 * MS, false);
        flights.carried("leader", f, HEARTBEAT, 4 * MS, 44 * MS, false);
      }
    }

    List<DemoState.Flight> sample = flights.during(0, 5 * MS, 0);

    assertEquals(Flights.MAX_PER_STATE, sample.size());
    Map<String, Long> perLink = sample.stream().collect(Collectors.groupingBy(f -> f.from() + "->" + f.to(),
        Collectors.counting()));
    assertEquals(6, perLink.size(), "every link shows traffic: " + perLink);
    assertEquals(60 - 3 - 4, perLink.get("leader->follower-1"));
    List<Double> busy = sample.stream().filter(f -> f.to().equals("follower-1")).map(DemoState.Flight::sentMs).toList();
    assertEquals(3.99, busy.get(busy.size() - 1), 1e-9, "the busy link's newest");
    assertTrue(busy.get(0) < 0.2, "and its share spread back to its oldest: " + busy.get(0));
  }

  @Test
  void theRecorderTapsEveryMessageWithItsKindAndFate() {
    Recorder recorder = new Recorder("leader", List.of("follower-1"), true);
    Flights flights = new Flights();
    recorder.tapMessages(flights);

    recorder.traceSent("leader", "follower-1", new AppendEntries(1, "leader", List.of(Entry.of(1, 1, new RowChange("k", "v", 64), 0))), 1_000_000, 1_040_000);
    recorder.traceDropped("follower-1", "leader", new RequestVote(2, "follower-1", 0, 0, false, false), 1_010_000,
        1_050_000);

    List<DemoState.Flight> seen = flights.during(1_000_000, 1_020_000, 1_000_000);
    assertEquals(List.of(new DemoState.Flight("leader", "follower-1", "entries", 0, 40, false),
        new DemoState.Flight("follower-1", "leader", "vote-request", 10, 50, true)), seen);
    recorder.tapMessages(null);
    recorder.traceSent("leader", "follower-1", HEARTBEAT, 1_030_000, 1_070_000);
    assertEquals(2, flights.held(), "no tap, nothing heard");
  }

  @Test
  void everyMessageOfTheProtocolHasAWord() {
    Set<String> words = Set.copyOf(MessageKinds.WORDS.values());
    assertEquals(Message.class.getPermittedSubclasses().length, MessageKinds.WORDS.size());
    assertEquals(MessageKinds.WORDS.size(), words.size(), "one word each");
    words.forEach(w -> assertTrue(w.matches("[a-z]+(-[a-z]+)?"), w));
    assertFalse(words.contains("other"));
  }
}
