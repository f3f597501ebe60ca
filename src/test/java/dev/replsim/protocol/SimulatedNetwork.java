package dev.replsim.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The harness's network: a one-way delay per directed link, FIFO like TCP, and rules that drop,
 * duplicate or delay single messages. The first rule that matches a message decides its fate;
 * a delayed message is overtaken by later ones, which is how a test reorders. It only computes
 * arrival times: the harness delivers.
 */
final class SimulatedNetwork {

  private enum Fault { DROP, DUPLICATE, DELAY }

  private record Rule(Predicate<Envelope> matches, Fault fault, long extraMicros) {}

  private final Map<String, Long> delays = new HashMap<>();
  private final Map<String, Long> lastArrival = new HashMap<>();
  private final List<Rule> rules = new ArrayList<>();
  private long defaultDelay;
  private int dropped;

  /** The one-way delay of every link without its own. */
  SimulatedNetwork defaultDelay(long micros) {
    defaultDelay = micros;
    return this;
  }

  /** The one-way delay of the directed link {@code from -> to}. */
  SimulatedNetwork delay(String from, String to, long micros) {
    delays.put(from + "->" + to, micros);
    return this;
  }

  /** The same one-way delay both ways between two nodes. */
  SimulatedNetwork roundTrip(String a, String b, long oneWayMicros) {
    return delay(a, b, oneWayMicros).delay(b, a, oneWayMicros);
  }

  SimulatedNetwork dropWhen(Predicate<Envelope> matches) {
    return rule(matches, Fault.DROP, 0);
  }

  SimulatedNetwork duplicateWhen(Predicate<Envelope> matches) {
    return rule(matches, Fault.DUPLICATE, 0);
  }

  /** Delivers matching messages {@code extraMicros} late, so later messages overtake them. */
  SimulatedNetwork delayWhen(Predicate<Envelope> matches, long extraMicros) {
    return rule(matches, Fault.DELAY, extraMicros);
  }

  /** Drops every message to or from the node. */
  SimulatedNetwork isolate(String node) {
    return dropWhen(e -> e.from().equals(node) || e.to().equals(node));
  }

  /** Removes every rule; messages already dropped stay lost. */
  SimulatedNetwork heal() {
    rules.clear();
    return this;
  }

  int dropped() {
    return dropped;
  }

  /** When the message arrives: never (dropped), once, or twice (duplicated). */
  List<Long> arrivals(Envelope e) {
    Rule rule = rules.stream().filter(r -> r.matches().test(e)).findFirst().orElse(null);
    long arrival = e.sentAt() + delays.getOrDefault(e.link(), defaultDelay);
    if (rule != null && rule.fault() == Fault.DROP) {
      dropped++;
      return List.of();
    }
    if (rule != null && rule.fault() == Fault.DELAY) {
      return List.of(arrival + rule.extraMicros());
    }
    arrival = Math.max(arrival, lastArrival.getOrDefault(e.link(), Long.MIN_VALUE));
    lastArrival.put(e.link(), arrival);
    return rule != null ? List.of(arrival, arrival) : List.of(arrival);
  }

  private SimulatedNetwork rule(Predicate<Envelope> matches, Fault fault, long extraMicros) {
    rules.add(new Rule(matches, fault, extraMicros));
    return this;
  }
}
