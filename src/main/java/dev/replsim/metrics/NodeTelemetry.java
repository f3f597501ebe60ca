package dev.replsim.metrics;

import dev.replsim.network.Transmission;
import dev.replsim.protocol.Message;
import dev.replsim.protocol.Observation;

/**
 * What a node's shell tells the run about itself: what its core observed (appended, received,
 * applied, became leader, ...) and what its outbound links and inbox did with each message. The one
 * way from a node to the run's {@link Recorder}: in one JVM the recorder itself
 * ({@link Recorder#telemetry()}); with nodes in JVMs of their own (issue 15,
 * {@code docs/distributed.md}), batches sent to the coordinator, which hands them to its recorder.
 * Called on the node's own thread; every instant is the run clock's, in microseconds.
 */
public interface NodeTelemetry {

  /** The node's core observed {@code o} at {@code atMicros}. */
  void observed(String node, Observation o, long atMicros);

  /** A message of {@code sizeBytes} went into a link, whatever becomes of it. */
  void transmitted(int sizeBytes);

  /** A message is on its way from {@code from} to {@code to}, due at {@code deliverAtMicros}. */
  void carried(String from, String to, Message message, long sentAtMicros, long deliverAtMicros);

  /** The link duplicated a message: its second copy is due at {@code deliverAtMicros}. */
  void duplicated(String from, String to, Message message, long sentAtMicros, long deliverAtMicros);

  /** A message was dropped on its way ({@code fate}); it would have arrived at {@code wouldArriveAtMicros}. */
  void dropped(String from, String to, Message message, Transmission.Fate fate, long atMicros,
      long wouldArriveAtMicros);

  /** A message reached its node {@code lateMicros} after its delivery instant. */
  void delivered(long lateMicros);

  /** A message arrived at a crashed node, or was lost with its crashed sender. */
  void lostOnArrival();
}
