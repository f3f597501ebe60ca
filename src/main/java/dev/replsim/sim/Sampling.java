package dev.replsim.sim;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the periodic time-series sample on its own thread, so that sampling never delays the
 * run loop that delivers messages.
 */
final class Sampling implements AutoCloseable {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "replsim-sampler");
    t.setDaemon(true);
    return t;
  });

  void every(long periodMicros, Runnable task) {
    executor.scheduleAtFixedRate(task, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
  }

  /** Stops sampling and waits for a sample in progress to finish. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
