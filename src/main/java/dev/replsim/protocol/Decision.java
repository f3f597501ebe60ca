package dev.replsim.protocol;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the protocol core decided in answer to one input: messages to send, entries to make
 * durable, timers to set, writes and reads to answer, observations to record, and whether it wants a
 * flush once the driver has delivered the inputs already waiting. The driver carries it out;
 * the core itself never sends, sleeps or reads a clock.
 */
public final class Decision {

  /** A message addressed to a node by name. */
  public record Send(String to, Message message) {}

  // allocated on first use: most decisions carry only one or two kinds of output, and a
  // decision is made for every input on the hot path
  private List<Send> sends = List.of();
  private List<Entry> persist = List.of();
  private Map<TimerKey, Long> timers = Map.of();
  private List<WriteOutcome> outcomes = List.of();
  private List<ReadOutcome> reads = List.of();
  private List<Redirect> redirects = List.of();
  private List<Observation> observations = List.of();
  private boolean flush;

  void send(String to, Message message) {
    if (sends.isEmpty()) {
      sends = new ArrayList<>(4);
    }
    sends.add(new Send(to, message));
  }

  void persist(Entry entry) {
    if (persist.isEmpty()) {
      persist = new ArrayList<>(1);
    }
    persist.add(entry);
  }

  void persist(List<Entry> entries) {
    if (persist.isEmpty()) {
      persist = new ArrayList<>(entries.size());
    }
    persist.addAll(entries);
  }

  /** Asks for the timer {@code key} to fire at {@code atMicros}, replacing any pending one. */
  void setTimer(TimerKey key, long atMicros) {
    timerMap().put(key, atMicros);
  }

  /** Cancels the timer {@code key}, if pending. */
  void cancelTimer(TimerKey key) {
    timerMap().put(key, null);
  }

  private Map<TimerKey, Long> timerMap() {
    if (timers.isEmpty()) {
      timers = new EnumMap<>(TimerKey.class);
    }
    return timers;
  }

  void reply(WriteOutcome outcome) {
    if (outcomes.isEmpty()) {
      outcomes = new ArrayList<>(1);
    }
    outcomes.add(outcome);
  }

  void redirect(Redirect redirect) {
    if (redirects.isEmpty()) {
      redirects = new ArrayList<>(1);
    }
    redirects.add(redirect);
  }

  void answer(ReadOutcome read) {
    if (reads.isEmpty()) {
      reads = new ArrayList<>(1);
    }
    reads.add(read);
  }

  void observe(Observation observation) {
    if (observations.isEmpty()) {
      observations = new ArrayList<>(2);
    }
    observations.add(observation);
  }

  /**
   * Asks the driver for one {@code onFlush} call after the inputs already queued for this node,
   * so a burst of writes ships as one batch and a burst of entries is acked once.
   */
  void requestFlush() {
    flush = true;
  }

  /**
   * Adds everything another decision holds, after what this one holds; its timers win. The other
   * decision is spent: where this one holds nothing of a kind, it takes the other's list as it is.
   */
  Decision absorb(Decision other) {
    if (sends.isEmpty()) {
      sends = other.sends;
    } else {
      other.sends.forEach(s -> send(s.to(), s.message()));
    }
    if (persist.isEmpty()) {
      persist = other.persist;
    } else if (!other.persist.isEmpty()) {
      persist(other.persist);
    }
    if (timers.isEmpty()) {
      timers = other.timers;
    } else {
      other.timers.forEach((key, at) -> timerMap().put(key, at));
    }
    outcomes = join(outcomes, other.outcomes);
    reads = join(reads, other.reads);
    redirects = join(redirects, other.redirects);
    observations = join(observations, other.observations);
    flush |= other.flush;
    return this;
  }

  /** {@code mine} followed by {@code theirs}: theirs itself when mine is empty. */
  private static <T> List<T> join(List<T> mine, List<T> theirs) {
    if (mine.isEmpty()) {
      return theirs;
    }
    if (theirs.isEmpty()) {
      return mine;
    }
    mine.addAll(theirs);
    return mine;
  }

  // the accessors hand out the decision's own lists, without read-only wrappers, because they
  // are read for every input: a driver reads them and never changes them

  public List<Send> sends() {
    return sends;
  }

  /** Entries to write to the node's journal; the driver answers with {@code onDurable}. */
  public List<Entry> persist() {
    return persist;
  }

  /** Timers to set (a time in microseconds) or cancel (a null value). */
  public Map<TimerKey, Long> timers() {
    return timers;
  }

  public List<WriteOutcome> outcomes() {
    return outcomes;
  }

  /** Writes refused because this node does not lead. */
  public List<Redirect> redirects() {
    return redirects;
  }

  /** Answers to reads. */
  public List<ReadOutcome> reads() {
    return reads;
  }

  public List<Observation> observations() {
    return observations;
  }

  public boolean flushRequested() {
    return flush;
  }

  public boolean isEmpty() {
    return sends.isEmpty() && persist.isEmpty() && timers.isEmpty() && outcomes.isEmpty()
        && reads.isEmpty() && redirects.isEmpty() && observations.isEmpty() && !flush;
  }
}
