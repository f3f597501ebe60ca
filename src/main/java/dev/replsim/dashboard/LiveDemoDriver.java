package dev.replsim.dashboard;

import dev.replsim.sim.FaultControl;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's driver for a live run: real time goes at its own pace, so there is nothing to
 * pause, step or speed up, and those controls are refused. The page's fault actions are decided
 * on the fault injector's own worker ({@link FaultControl#decide}), where the run carries out its
 * faults, so that each sees the run as the ones before it left it. States are published from a
 * daemon thread of the driver's own every {@link #PUBLISH_EVERY_NANOS}: asking the nodes for their
 * status blocks, so never on an HTTP thread nor on the run loop that delivers the messages.
 */
final class LiveDemoDriver implements DemoDriver {

  /** Why the pace controls are refused. */
  static final String NO_PACE = "pause, step and speed need virtual time: this demo runs live";
  private static final Logger LOG = LoggerFactory.getLogger(LiveDemoDriver.class);

  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "replsim-demo-publish");
    t.setDaemon(true);
    return t;
  });
  private Runnable publish = () -> {};
  private volatile FaultControl faults;

  @Override
  public boolean live() {
    return true;
  }

  @Override
  public void publishWith(Runnable publish) {
    this.publish = publish;
  }

  @Override
  public void started(FaultControl faults) {
    this.faults = faults;
    publisher.scheduleWithFixedDelay(this::publishSafely, 0, PUBLISH_EVERY_NANOS, TimeUnit.NANOSECONDS);
  }

  /** A failed state is skipped, not fatal: the next one comes 200 ms later. */
  private void publishSafely() {
    try {
      publish.run();
    } catch (RuntimeException e) {
      LOG.debug("a dashboard state could not be built", e);
    }
  }

  @Override
  public boolean enqueue(Runnable command) {
    FaultControl f = faults;
    return f != null && f.decide(command);
  }

  @Override
  public Optional<String> control(String action, double value) {
    return Optional.of(NO_PACE);
  }

  @Override
  public CompletableFuture<Void> stopSignal() {
    return stopped;
  }

  @Override
  public boolean paused() {
    return false;
  }

  @Override
  public double speed() {
    return 1;
  }

  @Override
  public void finish() {
    publisher.shutdown(); // a state being built is finished, no later one starts
    try {
      publisher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
