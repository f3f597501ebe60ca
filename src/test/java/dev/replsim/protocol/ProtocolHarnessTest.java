package dev.replsim.protocol;

import static dev.replsim.protocol.Envelopes.nth;
import static dev.replsim.protocol.Envelopes.ofType;
import static dev.replsim.protocol.TestCluster.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.replsim.storage.Database;
import dev.replsim.storage.KeyValueStore;
import dev.replsim.storage.RowChange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The harness's own contract: what the product's node runtime and event loop do for it. */
class ProtocolHarnessTest {

  /** A node that logs every input but start as "what@ms" and answers it as the test scripted. */
  private static final class ScriptedNode implements ProtocolNode {
    final String name;
    final List<String> inputs = new ArrayList<>();
    Function<String, Decision> script = input -> new Decision();

    ScriptedNode(String name) {
      this.name = name;
    }

    private Decision input(String what, long now) {
      inputs.add(what + "@" + now / 1000);
      return script.apply(what);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Decision start(long now) {
      return script.apply("start");
    }

    @Override
    public Decision onMessage(Message message, long now) {
      return input("m" + ((Heartbeat) message).lastShippedLsn(), now);
    }

    @Override
    public Decision onWrite(Write write, long now) {
      return input("write", now);
    }

    @Override
    public Decision onDurable(long upToLsn, long now) {
      return input("durable" + upToLsn, now);
    }

    @Override
    public Decision onTimer(TimerKey key, long due, long now) {
      return input(key.name(), now);
    }

    @Override
    public Decision onFlush(long now) {
      return input("flush", now);
    }

    @Override
    public Decision onRead(Read read, long now) {
      return input("read", now);
    }

    @Override
    public NodeStatus status() {
      return new NodeStatus(name, NodeStatus.Role.LEADER, 1, 0, 0, 0, 0, 0);
    }

    @Override
    public Database database() {
      return new KeyValueStore();
    }
  }

  private final ScriptedNode a = new ScriptedNode("a");
  private final ScriptedNode b = new ScriptedNode("b");
  private final ProtocolHarness h = new ProtocolHarness(List.of("a", "b", "c")).add(a).add(b);

  /** On a write, a sends messages numbered from..to to b. */
  private void sendOnWrite(int from, int to) {
    a.script = input -> {
      Decision d = new Decision();
      for (int i = from; i <= to; i++) {
        d.send("b", new Heartbeat(1, "a", i));
      }
      return d;
    };
  }

  private static Predicate<Envelope> numbered(long n) {
    return e -> ((Heartbeat) e.message()).lastShippedLsn() == n;
  }

  private static Entry entry(long lsn) {
    return Entry.of(1, lsn, new RowChange("k", "v", 1), 0);
  }

  @Test
  void linksAreFifoEvenWhenTheirDelayShrinks() {
    h.network().delay("a", "b", ms(10));
    sendOnWrite(1, 2);
    h.write(0, "k", "v");
    h.runUntil(ms(1));
    h.network().delay("a", "b", ms(1));
    sendOnWrite(3, 3);
    h.write(ms(1), "k", "v");
    h.runUntilIdle();
    assertEquals(List.of("m1@10", "m2@10", "m3@10"), b.inputs);
  }

  @Test
  void rulesDropDuplicateAndDelaySingleMessages() {
    h.network()
        .defaultDelay(ms(5))
        .dropWhen(numbered(2))
        .duplicateWhen(numbered(3))
        .delayWhen(numbered(4), ms(1));
    sendOnWrite(1, 5);
    h.write(0, "k", "v");
    h.runUntilIdle();
    assertEquals(List.of("m1@5", "m3@5", "m3@5", "m5@5", "m4@6"), b.inputs);
    assertEquals(1, h.network().dropped());
    assertEquals(5, h.sent(Heartbeat.class).size());
  }

  @Test
  void nthCountsOnlyTheMessagesItsRuleIsAskedAbout() {
    h.network()
        .defaultDelay(ms(5))
        .dropWhen(numbered(1))
        .dropWhen(nth(2, ofType(Heartbeat.class))); // never sees m1: drops m3
    sendOnWrite(1, 4);
    h.write(0, "k", "v");
    h.runUntilIdle();
    assertEquals(List.of("m2@5", "m4@5"), b.inputs);
  }

  @Test
  void settingATimerAgainReplacesItAndNullCancelsIt() {
    a.script = input -> {
      Decision d = new Decision();
      if (input.equals("write") && a.inputs.size() == 1) {
        d.setTimer(TimerKey.APPLY, ms(10));
        d.setTimer(TimerKey.COMMIT_TIMEOUT, ms(10));
      } else if (input.equals("write")) {
        d.setTimer(TimerKey.APPLY, ms(20));
        d.cancelTimer(TimerKey.COMMIT_TIMEOUT);
      }
      return d;
    };
    h.write(0, "k", "v");
    h.write(ms(5), "k", "v");
    h.runUntil(ms(5));
    assertEquals(ms(20), h.armedTimer("a", TimerKey.APPLY));
    assertNull(h.armedTimer("a", TimerKey.COMMIT_TIMEOUT));
    h.runUntilIdle();
    assertEquals(List.of("write@0", "write@5", "APPLY@20"), a.inputs);
    assertNull(h.armedTimer("a", TimerKey.APPLY));
  }

  @Test
  void aFlushRunsOnceAfterTheInputsAlreadyQueuedForThatTime() {
    h.network().delay("a", "b", ms(3));
    sendOnWrite(1, 3);
    b.script = input -> {
      Decision d = new Decision();
      if (input.startsWith("m")) {
        d.requestFlush();
      }
      return d;
    };
    h.write(0, "k", "v");
    h.runUntilIdle();
    assertEquals(List.of("m1@3", "m2@3", "m3@3", "flush@3"), b.inputs);
  }

  @Test
  void heartbeatsAndTheWorkTheyCauseDoNotKeepTheHarnessBusy() {
    ScriptedNode beater = new ScriptedNode("c");
    beater.script = input -> {
      Decision d = new Decision();
      if (input.equals("start") || input.equals("HEARTBEAT")) {
        d.setTimer(TimerKey.HEARTBEAT, h.now() + ms(50));
      }
      if (input.equals("HEARTBEAT")) {
        d.send("b", new Heartbeat(1, "c", 0));
      }
      return d;
    };
    b.script = input -> {
      Decision d = new Decision();
      d.send("c", new Heartbeat(1, "b", 9)); // answers every beat, as a follower acks
      return d;
    };
    h.network().roundTrip("b", "c", ms(80)); // longer than the beat: there is always one in flight
    h.add(beater);
    h.write(ms(120), "k", "v");

    h.runUntilIdle();

    assertEquals(ms(120), h.now());
    assertEquals(List.of("write@120"), a.inputs);
  }

  @Test
  void aFlushQueuedByBackgroundWorkRunsForAForegroundInputThatAsksForItToo() {
    ScriptedNode c = new ScriptedNode("c");
    c.script = input -> {
      Decision d = new Decision();
      if (input.equals("start")) {
        d.setTimer(TimerKey.HEARTBEAT, ms(10));
      } else if (!input.equals("flush")) {
        d.requestFlush();
      }
      return d;
    };
    h.add(c).network().delay("a", "c", ms(10));
    a.script = input -> {
      Decision d = new Decision();
      d.send("c", new Heartbeat(1, "a", 1));
      return d;
    };
    h.write(0, "k", "v");

    h.runUntilIdle();

    assertEquals(List.of("HEARTBEAT@10", "m1@10", "flush@10"), c.inputs);
  }

  @Test
  void entriesBecomeDurableAfterTheJournalDelayInPersistOrder() {
    a.script = input -> {
      Decision d = new Decision();
      if (input.equals("write")) {
        d.persist(entry(a.inputs.size()));
        d.requestFlush();
      }
      return d;
    };
    h.write(0, "k", "v");
    h.runUntilIdle(); // journal delay 0: durable at once, before the flush
    h.journalDelay("a", ms(4));
    h.write(ms(10), "k", "v");
    h.write(ms(11), "k", "v");
    h.runUntilIdle();
    // one write at a time (group commit): the entry of 11 ms is written once the first write is done
    assertEquals(List.of("write@0", "durable1@0", "flush@0",
        "write@10", "flush@10", "write@11", "flush@11", "durable4@14", "durable6@18"), a.inputs);
  }

  @Test
  void aFasterJournalDoesNotOvertakeAWriteStillInProgress() {
    a.script = input -> {
      Decision d = new Decision();
      if (input.equals("write")) {
        d.persist(entry(a.inputs.size()));
      }
      return d;
    };
    h.journalDelay("a", ms(4));
    h.write(0, "k", "v");
    h.runUntil(ms(1));
    h.journalDelay("a", 0);
    h.write(ms(1), "k", "v");
    h.write(ms(5), "k", "v");
    h.runUntilIdle();
    assertEquals(List.of("write@0", "write@1", "durable1@4", "durable2@4", "write@5", "durable5@5"),
        a.inputs);
  }
}
