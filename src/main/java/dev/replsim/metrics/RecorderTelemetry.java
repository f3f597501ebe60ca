package dev.replsim.metrics;

import dev.replsim.network.Transmission;
import dev.replsim.protocol.Message;
import dev.replsim.protocol.Observation;

/** A node's telemetry straight into the run's {@link Recorder}: nodes in the recorder's own JVM. */
final class RecorderTelemetry implements NodeTelemetry {

  private final Recorder recorder;

  RecorderTelemetry(Recorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void observed(String node, Observation o, long atMicros) {
    recorder.observe(node, o, atMicros);
  }

  @Override
  public void transmitted(int sizeBytes) {
    recorder.network().sent(sizeBytes);
  }

  @Override
  public void carried(String from, String to, Message message, long sentAtMicros, long deliverAtMicros) {
    recorder.traceSent(from, to, message, sentAtMicros, deliverAtMicros);
  }

  @Override
  public void duplicated(String from, String to, Message message, long sentAtMicros, long deliverAtMicros) {
    recorder.network().duplicated();
    recorder.traceSent(from, to, message, sentAtMicros, deliverAtMicros);
  }

  @Override
  public void dropped(String from, String to, Message message, Transmission.Fate fate, long atMicros,
      long wouldArriveAtMicros) {
    recorder.network().dropped(fate);
    recorder.traceDropped(from, to, message, atMicros, wouldArriveAtMicros);
  }

  @Override
  public void delivered(long lateMicros) {
    recorder.network().delivered(lateMicros);
  }

  @Override
  public void lostOnArrival() {
    recorder.network().dropped(Transmission.Fate.LOST);
  }
}
