package dev.replsim.sim.bench;

import dev.replsim.metrics.Summary;
import dev.replsim.scenario.Scenario;
import dev.replsim.sim.LiveRun;
import dev.replsim.sim.RunFailedException;
import dev.replsim.sim.RunListener;
import dev.replsim.metrics.RunResult;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The throughput benchmark: the bare Artery baseline (one entry per message, then batches of up
 * to the scenario's max-batch) and the scenario itself in async and in sync mode, one after the
 * other in this JVM, so all four figures come from the same machine in the same state.
 */
public final class Benchmark {

  private static final Duration BASELINE_WARMUP = Duration.ofSeconds(5);
  private static final Duration BASELINE_MEASURE = Duration.ofSeconds(10);

  /** The four figures, and the two runs of the scenario. */
  public record Figures(
      double bareOneEntryPerMessage, double bareBatched, int maxBatch, RunResult async, RunResult sync) {}

  private Benchmark() {}

  /**
   * @param async the scenario with {@code mode = async}
   * @param sync the same scenario with {@code mode = sync}
   */
  public static Figures run(Scenario async, Scenario sync, RunListener listener) throws RunFailedException {
    int followers = async.followers().size();
    int maxBatch = async.cluster().replication().maxBatch();
    int window = async.workload().clients() * async.workload().maxOutstanding();
    try {
      listener.phase("bare Artery baseline, one entry per message (" + seconds(BASELINE_WARMUP) + " warm-up, "
          + seconds(BASELINE_MEASURE) + " measured)");
      double single = ArteryBaseline.replicatedWritesPerSec(followers, 1, window, BASELINE_WARMUP, BASELINE_MEASURE);
      listener.phase("bare Artery baseline, up to " + maxBatch + " entries per message");
      double batched =
          ArteryBaseline.replicatedWritesPerSec(followers, maxBatch, window, BASELINE_WARMUP, BASELINE_MEASURE);
      listener.phase("replsim, async");
      RunResult asyncRun = LiveRun.run(async, listener);
      listener.phase("replsim, sync");
      RunResult syncRun = LiveRun.run(sync, listener);
      return new Figures(single, batched, maxBatch, asyncRun, syncRun);
    } catch (TimeoutException e) {
      throw new RunFailedException("the baseline cluster did not form in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailedException("interrupted", e);
    }
  }

  /** Replicated writes per second of a run: writes every follower applied during the writes. */
  public static double replicated(Summary summary) {
    return summary.throughput().replicatedWritesPerSec();
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + "s";
  }
}
