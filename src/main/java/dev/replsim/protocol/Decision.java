package dev.replsim.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the protocol core decided in answer to one input: messages to send, entries to make
 * durable, timers to set, writes to answer, observations to record, and whether it wants a
 * flush once the driver has delivered the inputs already waiting. The driver carries it out;
 * the core itself never sends, sleeps or reads a clock.
 */
public final class Decision {

  /** A message addressed to a node by name. */
  public record Send(String to, Message message) {}

  private final List<Send> sends = new ArrayList<>(2);
  private final List<Entry> persist = new ArrayList<>(1);
  private final Map<TimerKey, Long> timers = new EnumMap<>(TimerKey.class);
  private final List<WriteOutcome> outcomes = new ArrayList<>(1);
  private final List<Observation> observations = new ArrayList<>(2);
  private boolean flush;

  void send(String to, Message message) {
    sends.add(new Send(to, message));
  }

  void persist(Entry entry) {
    persist.add(entry);
  }

  void persist(List<Entry> entries) {
    persist.addAll(entries);
  }

  /** Asks for the timer {@code key} to fire at {@code atMicros}, replacing any pending one. */
  void setTimer(TimerKey key, long atMicros) {
    timers.put(key, atMicros);
  }

  /** Cancels the timer {@code key}, if pending. */
  void cancelTimer(TimerKey key) {
    timers.put(key, null);
  }

  void reply(WriteOutcome outcome) {
    outcomes.add(outcome);
  }

  void observe(Observation observation) {
    observations.add(observation);
  }

  /**
   * Asks the driver for one {@code onFlush} call after the inputs already queued for this node,
   * so a burst of writes ships as one batch and a burst of entries is acked once.
   */
  void requestFlush() {
    flush = true;
  }

  public List<Send> sends() {
    return Collections.unmodifiableList(sends);
  }

  /** Entries to write to the node's journal; the driver answers with {@code onDurable}. */
  public List<Entry> persist() {
    return Collections.unmodifiableList(persist);
  }

  /** Timers to set (a time in microseconds) or cancel (a null value). */
  public Map<TimerKey, Long> timers() {
    return Collections.unmodifiableMap(timers);
  }

  public List<WriteOutcome> outcomes() {
    return Collections.unmodifiableList(outcomes);
  }

  public List<Observation> observations() {
    return Collections.unmodifiableList(observations);
  }

  public boolean flushRequested() {
    return flush;
  }

  public boolean isEmpty() {
    return sends.isEmpty() && persist.isEmpty() && timers.isEmpty() && outcomes.isEmpty()
        && observations.isEmpty() && !flush;
  }
}
