package dev.replsim.sim;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.clock.RunLoop;
import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.fault.TargetResolver;
import dev.replsim.metrics.Recorder;
import dev.replsim.metrics.Summary;
import dev.replsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Carries out a run's fault schedule: each fault fires at its instant (on a worker thread of its
 * own, since a restart takes a second or two), its targets are resolved then, it is recorded in
 * {@code events.jsonl}, and a fault with a duration is undone when that has passed. Whatever is
 * still active when the writes stop is healed then, except crashes without a duration: a node
 * crashed for good stays down.
 */
final class FaultInjector implements AutoCloseable {

  private final Scenario scenario;
  private final LiveCluster cluster;
  private final Recorder recorder;
  private final RunLoop timer;
  private final FaultActions actions;
  private final TargetResolver targets;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "replsim-faults"));
  private final ExecutorService restarts = Executors.newCachedThreadPool(r -> daemon(r, "replsim-restart"));
  /** Faults in force, by id, with the action that undoes each. */
  private final Map<String, Active> active = new LinkedHashMap<>();
  private final List<Summary.FaultRecord> history = new ArrayList<>();
  private long startMicros;

  private record Active(ScheduledFault fault, List<String> nodes, Runnable undo, boolean survivesEnd) {}

  FaultInjector(Scenario scenario, LiveCluster cluster, Recorder recorder, RunLoop timer, NodeFactory factory) {
    this.scenario = scenario;
    this.cluster = cluster;
    this.recorder = recorder;
    this.timer = timer;
    this.actions = new FaultActions(scenario, cluster, factory, this::restart);
    this.targets = new TargetResolver(scenario.nodes(), factory.streams().stream("faults"));
  }

  /** Schedules every fault relative to {@code startMicros}, the instant the writes start. */
  void start(long startMicros) {
    this.startMicros = startMicros;
    for (ScheduledFault f : scenario.faults()) {
      timer.at(startMicros + f.atMicros(), () -> submit(() -> fire(f)));
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Restarts crashed nodes in the background, one thread per restart, and records when each is up. */
  private void restart(List<String> nodes) {
    for (String node : nodes) {
      restarts.execute(() -> {
        try {
          cluster.restart(node);
          recorder.event(timer.clock().nowMicros(), "node-up", node, details());
        } catch (Exception e) {
          recorder.event(timer.clock().nowMicros(), "restart-failed", node,
              details("error", String.valueOf(e.getMessage())));
        }
      });
    }
  }

  /** Runs on the worker, unless the writes have ended: faults due after that do not fire. */
  private void submit(Runnable task) {
    try {
      worker.execute(task);
    } catch (RejectedExecutionException e) {
      // the writes ended; the injector no longer acts
    }
  }

  /** What is in force now, for the progress line: {@code crash f1 follower-2; partition p1}. */
  synchronized String activity() {
    List<String> parts = new ArrayList<>();
    active.values().forEach(a -> parts.add(a.fault().describe() + (a.nodes().isEmpty() ? "" : " "
        + String.join(",", a.nodes()))));
    return String.join("; ", parts);
  }

  private void fire(ScheduledFault f) {
    try {
      long now = timer.clock().nowMicros(); // when it struck: carrying it out can take a moment
      String leader = cluster.leader();
      FaultActions.Applied applied = actions.apply(f, targets, this);
      if (applied.nodes().contains(leader) && !(f.fault() instanceof Fault.Switchover)) {
        recorder.faultStruck(f.fault().action(), applied.nodes(), now);
      }
      if (applied.nodes().isEmpty() && !(f.fault() instanceof Fault.Heal)) {
        recorder.event(now, "fault-skipped", null, details("id", f.id(), "action", f.fault().action(),
            "reason", "no node qualifies for its target"));
        return;
      }
      Map<String, Object> details = details("id", f.id(), "action", f.fault().action(), "nodes", applied.nodes());
      details.putAll(applied.details());
      recorder.event(now, f.fault() instanceof Fault.Heal ? "heal" : "fault", null, details);
      synchronized (this) {
        history.add(new Summary.FaultRecord(f.id(), f.fault().action(), applied.nodes(),
            recorder.toOutputMs(now), null));
        if (applied.undo() != null) {
          active.put(f.id(), new Active(f, applied.nodes(), applied.undo(), applied.survivesEnd()));
        }
      }
      if (f.undoes() && applied.undo() != null) {
        timer.at(startMicros + f.untilMicros(), () -> submit(() -> heal(f.id(), "duration")));
      }
    } catch (Exception e) {
      recorder.event(timer.clock().nowMicros(), "fault-failed", null,
          details("id", f.id(), "action", f.fault().action(), "error", String.valueOf(e.getMessage())));
    }
  }

  /** Undoes the fault {@code id} if it is still in force; returns whether it was. */
  boolean heal(String id, String reason) {
    Active a;
    synchronized (this) {
      a = active.remove(id);
    }
    if (a == null) {
      return false;
    }
    a.undo().run();
    long now = timer.clock().nowMicros();
    recorder.event(now, "heal", null, details("id", id, "action", a.fault().fault().action(), "reason", reason));
    synchronized (this) {
      history.replaceAll(r -> r.id().equals(id) && r.untilMs() == null ? r.until(recorder.toOutputMs(now)) : r);
    }
    return true;
  }

  /** Ids of the partitions in force, oldest first, for a heal without a name. */
  synchronized List<String> activePartitions() {
    List<String> ids = new ArrayList<>();
    active.values().forEach(a -> {
      if (a.fault().fault() instanceof Fault.Partition) {
        ids.add(a.fault().id());
      }
    });
    return ids;
  }

  /**
   * At the end of the writes: stops scheduling new faults and heals everything still in force
   * (partitions, pauses, slow appliers, changed links and clocks, crashes that had a duration), so
   * that the drain can show whether replicas converge. Crashes without a duration stay.
   */
  void healAtEnd() throws InterruptedException {
    worker.submit(() -> {
      List<String> ids;
      synchronized (this) {
        ids = new ArrayList<>();
        active.values().forEach(a -> {
          if (!a.survivesEnd()) {
            ids.add(a.fault().id());
          }
        });
      }
      ids.forEach(id -> heal(id, "end of writes"));
    });
    worker.shutdown();
    worker.awaitTermination(LiveCluster.STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    restarts.shutdown(); // restarts under way finish: the drain then includes the nodes they bring back
    restarts.awaitTermination(LiveCluster.STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  synchronized List<Summary.FaultRecord> history() {
    return List.copyOf(history);
  }

  @Override
  public void close() {
    worker.shutdownNow();
    restarts.shutdownNow();
  }
}
