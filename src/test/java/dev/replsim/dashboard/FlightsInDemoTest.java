package dev.replsim.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A demo's states carry the messages on their way, timed exactly as the emulated links decided. */
class FlightsInDemoTest {

  @Test
  void aConstantFortyMillisecondLinkShowsEveryMessageFortyMillisecondsOnItsWay() throws Exception {
    DemoRuns run = DemoRuns.start(1, "network.delay={distribution=constant,value=40ms}");
    try {
      DemoState s = run.await(st -> st.simTimeMs() > 1000 && links(st).size() == 6, Duration.ofSeconds(10),
          "a state with traffic on all six links between the leader and its three followers");
      DemoState later = run.after(s);
      for (DemoState state : new DemoState[] {s, later}) {
        assertTrue(state.flights().size() <= Flights.MAX_PER_STATE, "sampled: " + state.flights().size());
        for (DemoState.Flight f : state.flights()) {
          assertEquals(40.0, f.dueMs() - f.sentMs(), 1e-9, f.toString());
          assertTrue(f.sentMs() <= state.simTimeMs(), "sent by the state's instant: " + f);
          assertTrue(MessageKinds.WORDS.containsValue(f.kind()), f.kind());
        }
      }
      assertTrue(later.flights().stream().allMatch(f -> f.dueMs() > s.simTimeMs()),
          "the next state has what was on its way since this one");
    } finally {
      run.stop();
    }
  }

  private static Set<String> links(DemoState s) {
    return s.flights().stream().map(f -> f.from() + "->" + f.to()).collect(Collectors.toSet());
  }
}
