package dev.replsim.sim;

import static dev.replsim.metrics.RunEvent.details;

import dev.replsim.clock.Scheduler;
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
 * Carries out a run's fault schedule: each fault fires at its instant (on the driver's worker: a
 * thread of its own in a live run, where carrying a fault out can block; the event loop itself in
 * virtual time), its targets are resolved then, it is recorded in
 * {@code events.jsonl}, and a fault with a duration is undone when that has passed. Whatever is
 * still active when the writes stop is healed then, except crashes without a duration: a node
 * crashed for good stays down.
 */
final class FaultInjector implements FaultControl, AutoCloseable {

  private final Scenario scenario;
  private final ClusterControl cluster;
  private final Recorder recorder;
  private final Scheduler timer;
  private final FaultActions actions;
  private final TargetResolver targets;
  private final ExecutorService worker;
  /** Faults in force, by id, with the action that undoes each. */
  private final Map<String, Active> active = new LinkedHashMap<>();
  private final List<Summary.FaultRecord> history = new ArrayList<>();
  private long startMicros;
  /** How many faults were fired now, by {@link #strikeNow}: their ids are d1, d2, ... */
  private int struckNow;
  /** Whether the worker is running a {@link #decide decision}: touched on the worker only. */
  private boolean deciding;

  private record Active(ScheduledFault fault, List<String> nodes, Runnable undo, boolean survivesEnd) {}

  /** @param worker where faults are carried out, one at a time */
  FaultInjector(Scenario scenario, ClusterControl cluster, Recorder recorder, Scheduler timer, NodeFactory factory,
      ExecutorService worker) {
    this.scenario = scenario;
    this.cluster = cluster;
    this.recorder = recorder;
    this.timer = timer;
    this.worker = worker;
    this.actions = new FaultActions(scenario, cluster, factory);
    this.targets = new TargetResolver(scenario.nodes(), factory.streams().stream("faults"));
  }

  /** Schedules every fault relative to {@code startMicros}, the instant the writes start. */
  void start(long startMicros) {
    this.startMicros = startMicros;
    for (ScheduledFault f : scenario.faults()) {
      timer.at(startMicros + f.atMicros(), () -> submit(() -> fire(f)));
    }
  }

  /**
   * Fires {@code fault} now, as if the schedule had it at this instant: the dashboard's faults.
   * Only after {@link #start}.
   */
  @Override
  public ScheduledFault strikeNow(Fault fault, long durationMicros) {
    String id = "d" + (++struckNow);
    long at = timer.clock().nowMicros() - startMicros;
    ScheduledFault f = new ScheduledFault(id, at, fault, Math.max(0, durationMicros));
    if (deciding) {
      fire(f); // already on the worker: carried out before the next decision looks at the run
    } else {
      submit(() -> fire(f));
    }
    return f;
  }

  @Override
  public boolean decide(Runnable decision) {
    try {
      worker.execute(() -> {
        deciding = true;
        try {
          decision.run();
        } finally {
          deciding = false;
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      return false; // the writes ended
    }
  }

  /** A live run's worker: one thread of its own. */
  static ExecutorService thread() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "replsim-faults");
      t.setDaemon(true);
      return t;
    });
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
      // a switchover or a reconfiguration strikes no node: a failover that follows is not its doing
      if (applied.nodes().contains(leader) && !(f.fault() instanceof Fault.Switchover) && !f.fault().reconfigures()) {
        recorder.faultStruck(f.fault().action(), applied.nodes(), now);
      }
      if (applied.nodes().isEmpty() && !(f.fault() instanceof Fault.Heal) && f.fault().strikesNodes()) {
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

  /** The instant on the run clock of {@code runMicros} after the writes started: when a fault is due. */
  long runInstant(long runMicros) {
    return startMicros + runMicros;
  }

  long nowMicros() {
    return timer.clock().nowMicros();
  }

  /** Ids of the faults of this kind in force, oldest first. */
  synchronized List<String> activeOf(Class<? extends Fault> kind) {
    List<String> ids = new ArrayList<>();
    active.values().forEach(a -> {
      if (kind.isInstance(a.fault().fault())) {
        ids.add(a.fault().id());
      }
    });
    return ids;
  }

  /** Ids of the partitions in force, oldest first, for a heal without a name. */
  @Override
  public synchronized List<String> activePartitions() {
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
    worker.awaitTermination(30, TimeUnit.SECONDS);
    cluster.awaitRestarts(); // restarts under way finish: the drain then includes the nodes they bring back
  }

  synchronized List<Summary.FaultRecord> history() {
    return List.copyOf(history);
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
