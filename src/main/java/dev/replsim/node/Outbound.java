package dev.replsim.node;

import dev.replsim.metrics.NodeTelemetry;
import dev.replsim.network.LinkModel;
import dev.replsim.network.LinkProfile;
import dev.replsim.network.Transmission;
import dev.replsim.protocol.Message;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A node's emulated outbound links. Every protocol message leaves through {@link #transmit}, where
 * the link decides whether and when it arrives, and the driver's {@link Delivery} carries it to
 * the receiver. Owned by the node's runtime, so single-threaded.
 */
final class Outbound {

  /** How a driver carries an envelope to a node. */
  @FunctionalInterface
  interface Delivery {
    /** Hands {@code envelope} to the running node {@code to}; false when no node of that name runs. */
    boolean send(String to, Envelope envelope);
  }

  private final String self;
  private final Function<String, LinkModel> newLink;
  /** The links built so far, by destination. */
  private final Map<String, LinkModel> links = new HashMap<>();
  private final NodeTelemetry telemetry;
  private final Delivery delivery;

  /** @param newLink builds the link to a node the first time this node sends there; null for none */
  Outbound(String self, Function<String, LinkModel> newLink, NodeTelemetry telemetry, Delivery delivery) {
    this.self = self;
    this.newLink = newLink;
    this.telemetry = telemetry;
    this.delivery = delivery;
  }

  /**
   * Sends through the emulated link to {@code to}: dropped if the link loses it or a partition
   * cuts it, or when no node of that name is up; otherwise held by the receiver until the
   * delivery instant the link sampled (and a second copy if the link duplicates it).
   */
  void transmit(String to, Message message, long nowMicros) {
    LinkModel link = link(to);
    int size = message.sizeBytes();
    telemetry.transmitted(size);
    Transmission t = link.transmit(nowMicros, size);
    if (!t.delivered()) {
      dropped(to, message, nowMicros, t.fate(), t.deliverAtMicros());
      return;
    }
    if (!delivery.send(to, new Envelope(nowMicros, t.deliverAtMicros(), message))) {
      dropped(to, message, nowMicros, Transmission.Fate.LOST, t.deliverAtMicros());
      return;
    }
    telemetry.carried(self, to, message, nowMicros, t.deliverAtMicros());
    if (t.duplicated()) {
      delivery.send(to, new Envelope(nowMicros, t.duplicateAtMicros(), message));
      telemetry.duplicated(self, to, message, nowMicros, t.duplicateAtMicros());
    }
  }

  private void dropped(String to, Message message, long nowMicros, Transmission.Fate fate, long wouldArriveAt) {
    telemetry.dropped(self, to, message, fate, nowMicros, wouldArriveAt);
  }

  LinkModel link(String to) {
    LinkModel link = links.get(to);
    if (link == null) {
      link = newLink.apply(to);
      if (link == null) {
        throw new IllegalArgumentException(self + " has no link to " + to);
      }
      links.put(to, link);
    }
    return link;
  }

  void setProfile(String to, LinkProfile profile) {
    link(to).setProfile(profile);
  }
}
