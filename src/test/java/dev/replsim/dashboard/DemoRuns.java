package dev.replsim.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

import dev.replsim.metrics.RunResult;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.scenario.SettingOverride;
import dev.replsim.sim.RunListener;
import dev.replsim.sim.VirtualRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** A demo run (virtual or live) on a thread of its own, for the dashboard's tests, and waits on its published states. */
final class DemoRuns {

  static final Path SCENARIO = Path.of("simulations/demo-failover.conf");

  final Demo demo;
  final CompletableFuture<RunResult> result;

  private DemoRuns(Demo demo) {
    this.demo = demo;
    this.result = CompletableFuture.supplyAsync(() -> {
      try {
        return demo.run(RunListener.SILENT);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        demo.finish();
      }
    }, r -> {
      Thread t = new Thread(r, "demo-run");
      t.setDaemon(true);
      t.start();
    });
  }

  /** Starts demo-failover.conf at {@code speed} with the wall clock, {@code sets} over it. */
  static DemoRuns start(double speed, String... sets) throws Exception {
    return start(SCENARIO, speed, sets);
  }

  /** Starts {@code file} at {@code speed} with the wall clock, {@code sets} over it. */
  static DemoRuns start(Path file, double speed, String... sets) throws Exception {
    return new DemoRuns(new Demo(load(file, sets), speed));
  }

  /** Starts demo-failover.conf on a live run, in real time, {@code sets} over it. */
  static DemoRuns startLive(String... sets) throws Exception {
    return new DemoRuns(Demo.live(load(sets)));
  }

  /**
   * Runs the scenario at 5× on a wall clock that moves 1 ms each time it is read, acting from the
   * page at given wall milliseconds ({@code {action, node}} at each, or {@code {body}}: the page's
   * JSON), and returns what it measured.
   */
  static RunResult scripted(Scenario scenario, Map<Long, String[]> actionsAtWallMs) throws Exception {
    return scriptedDemo(scenario, actionsAtWallMs).result();
  }

  /** A scripted demo and what it measured. */
  record Scripted(Demo demo, RunResult result) {}

  /** As {@link #scripted}, the actions given as the page's JSON bodies. */
  static Scripted scriptedDemo(Scenario scenario, Map<Long, String[]> actionsAtWallMs) throws Exception {
    AtomicLong wall = new AtomicLong();
    Demo[] demo = new Demo[1];
    demo[0] = new Demo(scenario, 5, () -> {
      long now = wall.addAndGet(1_000_000);
      String[] action = now % 1_000_000 == 0 ? actionsAtWallMs.get(now / 1_000_000) : null;
      if (action != null) {
        demo[0].act(action.length == 1 ? action[0] : action(action[0], action[1]));
      }
      return now;
    });
    RunResult result = VirtualRun.run(scenario, RunListener.SILENT, demo[0].pace(), demo[0]);
    return new Scripted(demo[0], result);
  }

  /** The page's body for {@code action} on {@code node} (null for none). */
  static String action(String action, String node) {
    return node == null ? "{\"action\":\"" + action + "\"}"
        : "{\"action\":\"" + action + "\",\"node\":\"" + node + "\"}";
  }

  static Scenario load(String... sets) throws Exception {
    return load(SCENARIO, sets);
  }

  static Scenario load(Path file, String... sets) throws Exception {
    List<SettingOverride> overrides = new ArrayList<>();
    for (String set : sets) {
      overrides.add(new SettingOverride("--set", set));
    }
    return ScenarioLoader.load(file, overrides);
  }

  /** The first published state that satisfies {@code condition}, waiting up to {@code within}. */
  DemoState await(Predicate<DemoState> condition, Duration within, String what) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      DemoState s = demo.state();
      if (condition.test(s)) {
        return s;
      }
      LockSupport.parkNanos(5_000_000);
    }
    return fail("within " + within + ": " + what + "; the last state: " + demo.state());
  }

  /** The next state published after {@code s}. */
  DemoState after(DemoState s) {
    return await(n -> n.seq() > s.seq(), Duration.ofSeconds(5), "a state after #" + s.seq());
  }

  /** Stops the run and waits for its result. */
  RunResult stop() throws Exception {
    return stop(Duration.ofSeconds(30));
  }

  /** Stops the run and waits up to {@code within} for its result (a live run drains and shuts down its cluster). */
  RunResult stop(Duration within) throws Exception {
    demo.stop();
    return result.get(within.toMillis(), TimeUnit.MILLISECONDS);
  }
}
