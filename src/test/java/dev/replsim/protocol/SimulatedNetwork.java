package dev.replsim.protocol;

import dev.replsim.network.LinkModel;
import dev.replsim.network.LinkProfile;
import dev.replsim.random.Distribution;
import dev.replsim.random.SeededStreams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The harness's network: the product's emulated links (FIFO like TCP, as every {@link LinkModel}
 * is), each with a constant one-way delay the test sets and may change at any time, and rules that
 * drop, duplicate or delay single messages on top of them. The first rule that matches a message
 * decides its fate; a delayed message is overtaken by later ones, which is how a test reorders.
 */
final class SimulatedNetwork {

  private enum Fault { DROP, DUPLICATE, DELAY }

  private record Rule(Predicate<Envelope> matches, Fault fault, long extraMicros) {}

  private final List<String> members;
  private final SeededStreams streams = new SeededStreams(1);
  private final Map<String, Long> delays = new HashMap<>();
  private final List<Rule> rules = new ArrayList<>();
  /** The links of each node's latest incarnation, by sender and receiver. */
  private final Map<String, Map<String, LinkModel>> links = new HashMap<>();
  private final List<Envelope> sent = new ArrayList<>();
  private long defaultDelay;
  private int dropped;

  /** @param members every node that may run: each has a link to each other */
  SimulatedNetwork(List<String> members) {
    this.members = List.copyOf(members);
  }

  /** The outbound links of {@code from}'s {@code incarnation}, with the delays set now. */
  Map<String, LinkModel> linksFrom(String from, long incarnation) {
    Map<String, LinkModel> out = new LinkedHashMap<>();
    for (String to : members) {
      if (!to.equals(from)) {
        out.put(to, new LinkModel(from, to, profile(from, to), streams, incarnation));
      }
    }
    links.put(from, out);
    return out;
  }

  private LinkProfile profile(String from, String to) {
    return LinkProfile.of(new Distribution.Constant(delay(from, to)));
  }

  /** Every link takes its delay now, from its next message on. */
  private void delaysChanged() {
    links.forEach((from, out) -> out.forEach((to, link) -> link.setProfile(profile(from, to))));
  }

  /** The one-way delay of every link without its own. */
  SimulatedNetwork defaultDelay(long micros) {
    defaultDelay = micros;
    delaysChanged();
    return this;
  }

  /** The one-way delay of the directed link {@code from -> to}. */
  SimulatedNetwork delay(String from, String to, long micros) {
    delays.put(from + "->" + to, micros);
    delaysChanged();
    return this;
  }

  /** The same one-way delay both ways between two nodes. */
  SimulatedNetwork roundTrip(String a, String b, long oneWayMicros) {
    return delay(a, b, oneWayMicros).delay(b, a, oneWayMicros);
  }

  /** The one-way delay of the directed link {@code from -> to} now. */
  long delay(String from, String to) {
    return delays.getOrDefault(from + "->" + to, defaultDelay);
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

  /**
   * Carries a message its sender's link let through (at {@code envelope}'s delivery instant) to
   * {@code target}, the node running under that name now, unless a rule drops it; false when it
   * goes nowhere.
   */
  boolean carry(String from, String to, HarnessNode target, dev.replsim.node.Envelope envelope, HarnessLoop loop) {
    Envelope e = new Envelope(from, to, envelope.message(), envelope.sentAtMicros());
    sent.add(e);
    List<Long> arrivals = arrivals(e, envelope.deliverAtMicros());
    if (target == null || arrivals.isEmpty()) {
      return false;
    }
    for (long at : arrivals) {
      var arriving = new dev.replsim.node.Envelope(envelope.sentAtMicros(), at, envelope.message());
      loop.schedule(at, () -> target.input(() -> target.runtime().deliver(arriving)));
    }
    return true;
  }

  /** Every message sent so far of this type, dropped ones included. */
  List<Envelope> sent(Class<? extends Message> type) {
    return sent.stream().filter(e -> type.isInstance(e.message())).toList();
  }

  /** How many messages the rules dropped. */
  int dropped() {
    return dropped;
  }

  /**
   * When a message the link would deliver at {@code deliverAt} arrives: never (dropped), once,
   * later (delayed), or twice (duplicated).
   */
  private List<Long> arrivals(Envelope e, long deliverAt) {
    Rule rule = rules.stream().filter(r -> r.matches().test(e)).findFirst().orElse(null);
    if (rule == null) {
      return List.of(deliverAt);
    }
    switch (rule.fault()) {
      case DROP:
        dropped++;
        return List.of();
      case DELAY:
        return List.of(deliverAt + rule.extraMicros());
      default:
        return List.of(deliverAt, deliverAt);
    }
  }

  private SimulatedNetwork rule(Predicate<Envelope> matches, Fault fault, long extraMicros) {
    rules.add(new Rule(matches, fault, extraMicros));
    return this;
  }
}
