package dev.replsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.protocol.Ack;
import dev.replsim.protocol.AppendEntries;
import dev.replsim.protocol.Entry;
import dev.replsim.protocol.Heartbeat;
import dev.replsim.protocol.ResendRequest;
import dev.replsim.storage.RowChange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MessageTraceTest {

  private static AppendEntries entries(long from, long to) {
    List<Entry> list = new ArrayList<>();
    for (long lsn = from; lsn <= to; lsn++) {
      list.add(Entry.of(1, lsn, new RowChange("k" + lsn, "v", 64), 0));
    }
    return new AppendEntries(1, "leader", list);
  }

  @Test
  void tracesOnlyMessagesSentInsideItsWindows() {
    Recorder recorder = new Recorder("leader", List.of("follower-1"));
    recorder.writesStarted(1_000_000);
    recorder.traceWindow(1_000_000, 3_000_000);
    recorder.traceWindow(10_000_000, 11_000_000);

    recorder.traceSent("leader", "follower-1", entries(1, 1), 999_999, 1_030_000);
    recorder.traceSent("leader", "follower-1", entries(2, 4), 1_000_000, 1_030_000);
    recorder.traceSent("leader", "follower-1", entries(5, 5), 3_000_000, 3_030_000);
    recorder.traceSent("follower-1", "leader", new Ack(1, "follower-1", 1, 7, 7, 6), 10_500_000, 10_540_000);

    List<TracedMessage> traced = recorder.tracedMessages();
    assertEquals(2, traced.size());
    assertEquals(new TracedMessage(0.0, 30.0, "leader", "follower-1", "AppendEntries", 2, 4,
        entries(2, 4).sizeBytes(), false), traced.get(0));
    assertEquals(new TracedMessage(9500.0, 9540.0, "follower-1", "leader", "Ack", TracedMessage.NO_LSN, 6,
        new Ack(1, "follower-1", 1, 7, 7, 6).sizeBytes(), false), traced.get(1));
  }

  @Test
  void aDroppedMessageHasNoDeliveryTime() {
    Recorder recorder = new Recorder("leader", List.of("follower-1"));
    recorder.writesStarted(0);
    recorder.traceWindow(0, 1_000_000);

    recorder.traceDropped("leader", "follower-1", new Heartbeat(1, "leader", 9), 2_000, 32_000);

    TracedMessage m = recorder.tracedMessages().get(0);
    assertTrue(m.dropped());
    assertTrue(Double.isNaN(m.deliveredMs()));
    assertEquals(2.0, m.sentMs());
    assertEquals(9, m.lastLsn());
  }

  @Test
  void keepsAtMostItsLimitAndSaysOnceThatItIsFull() {
    MessageTrace trace = new MessageTrace(3);
    trace.window(0, 1_000);
    List<Boolean> kept = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      kept.add(trace.add("leader", "follower-1", entries(i + 1, i + 1), i, i + 10));
    }

    assertEquals(List.of(true, true, true, false, true, true), kept);
    assertEquals(3, trace.messages(0).size());
    assertEquals(3, trace.missed());
  }

  @Test
  void aFullTraceIsAnEvent() {
    Recorder recorder = new Recorder("leader", List.of("follower-1"));
    recorder.writesStarted(0);
    recorder.traceWindow(0, Long.MAX_VALUE);
    for (int i = 0; i <= MessageTrace.LIMIT + 5; i++) {
      recorder.traceSent("leader", "follower-1", new Heartbeat(1, "leader", i), i, i + 1);
    }

    assertEquals(MessageTrace.LIMIT, recorder.tracedMessages().size());
    List<RunEvent> full = recorder.events().stream().filter(e -> e.type().equals("message-trace-full")).toList();
    assertEquals(1, full.size());
    assertEquals(MessageTrace.LIMIT, full.get(0).details().get("limit"));
  }

  @Test
  void outsideEveryWindowNothingIsKept() {
    MessageTrace trace = new MessageTrace();
    assertFalse(trace.wants(0));
    trace.window(100, 200);
    assertFalse(trace.wants(99));
    assertTrue(trace.wants(100));
    assertFalse(trace.wants(200));
  }

  @Test
  void nodesTracingAtOnceLoseNoMessage() throws InterruptedException {
    MessageTrace trace = new MessageTrace();
    trace.window(0, Long.MAX_VALUE);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> senders = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String from = "follower-" + t;
      Thread sender = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < 1000; i++) {
          trace.add(from, "leader", new ResendRequest(1, from, 1, i), i, i + 5);
        }
      });
      sender.start();
      senders.add(sender);
    }
    start.countDown();
    for (Thread sender : senders) {
      sender.join();
    }

    List<TracedMessage> traced = trace.messages(0);
    assertEquals(4000, traced.size());
    for (int i = 1; i < traced.size(); i++) {
      assertTrue(traced.get(i - 1).sentMs() <= traced.get(i).sentMs(), "in order of sending");
    }
  }
}
