package dev.replsim.dashboard;

import dev.replsim.metrics.Recorder;
import dev.replsim.protocol.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages between nodes that the dashboard draws on their way: a ring of the latest
 * {@link #CAPACITY} sends, heard through the recorder's {@link Recorder.MessageTap}, and a fair
 * sample of those on their way during a span of simulated time. Memory stays the ring's whatever
 * the run's length or rate, and a send costs a few array writes.
 *
 * <p>Behind its own lock: in a live run the nodes' threads send while the dashboard's thread
 * publishes (in a virtual run both are the one thread, and the lock is never contended).
 */
final class Flights implements Recorder.MessageTap {

  /** How many of the latest sends the ring keeps: a few state intervals' worth at 1×. */
  static final int CAPACITY = 512;
  /** The most messages one state carries. */
  static final int MAX_PER_STATE = 60;

  private final int capacity;
  private final String[] from;
  private final String[] to;
  private final Class<?>[] type;
  private final long[] sentAt;
  private final long[] dueAt;
  private final boolean[] dropped;
  /** Sends heard so far; the newest is at {@code (count - 1) % capacity}. */
  private long count;

  Flights() {
    this(CAPACITY);
  }

  Flights(int capacity) {
    this.capacity = capacity;
    this.from = new String[capacity];
    this.to = new String[capacity];
    this.type = new Class<?>[capacity];
    this.sentAt = new long[capacity];
    this.dueAt = new long[capacity];
    this.dropped = new boolean[capacity];
  }

  @Override
  public synchronized void carried(String from, String to, Message message, long sentAtMicros, long dueAtMicros,
      boolean dropped) {
    int i = (int) (count++ % capacity);
    this.from[i] = from;
    this.to[i] = to;
    this.type[i] = message.getClass(); // not the message: its entries must stay collectable
    this.sentAt[i] = sentAtMicros;
    this.dueAt[i] = dueAtMicros;
    this.dropped[i] = dropped;
  }

  /** How many sends the ring holds now (never more than its capacity). */
  int held() {
    return (int) Math.min(count, capacity);
  }

  /**
   * The messages on their way at some instant of ({@code afterMicros}, {@code untilMicros}] (sent
   * by its end, due after its start), or at {@code untilMicros} itself when the span is empty (a
   * paused run); at most {@link #MAX_PER_STATE}, shared fairly among the links (each link's share
   * spread evenly over its messages, so that every link and the whole span show traffic), in order
   * of sending. Times are ms since {@code zeroMicros}.
   */
  synchronized List<DemoState.Flight> during(long afterMicros, long untilMicros, long zeroMicros) {
    long start = Math.min(afterMicros, untilMicros);
    Map<String, List<Integer>> byLink = new LinkedHashMap<>();
    int held = held();
    for (long k = count - held; k < count; k++) { // oldest first, so each link's list is in order of sending
      int i = (int) (k % capacity);
      if (sentAt[i] <= untilMicros && dueAt[i] > start) {
        byLink.computeIfAbsent(from[i] + "\u0000" + to[i], l -> new ArrayList<>()).add(i);
      }
    }
    List<DemoState.Flight> chosen = new ArrayList<>();
    int[] share = shares(byLink, MAX_PER_STATE);
    int link = 0;
    for (List<Integer> messages : byLink.values()) {
      int n = messages.size();
      int q = share[link++];
      for (int j = 0; j < q; j++) {
        // spread over the link's messages, always including its newest
        int i = messages.get(n - 1 - (int) ((long) j * n / q));
        chosen.add(new DemoState.Flight(from[i], to[i], MessageKinds.of(type[i]), ms(sentAt[i] - zeroMicros),
            ms(dueAt[i] - zeroMicros), dropped[i]));
      }
    }
    chosen.sort(Comparator.comparingDouble(DemoState.Flight::sentMs));
    return chosen;
  }

  /** Each link's share of {@code max}: one at a time to every link that has messages left. */
  private static int[] shares(Map<String, List<Integer>> byLink, int max) {
    int[] share = new int[byLink.size()];
    int[] size = byLink.values().stream().mapToInt(List::size).toArray();
    int given = 0;
    boolean more = true;
    while (given < max && more) {
      more = false;
      for (int l = 0; l < share.length && given < max; l++) {
        if (share[l] < size[l]) {
          share[l]++;
          given++;
          more = true;
        }
      }
    }
    return share;
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
