package dev.replsim.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.metrics.Recorder;
import dev.replsim.metrics.RunEvent;
import dev.replsim.scenario.ActionReader;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioException;
import dev.replsim.sim.FaultControl;
import dev.replsim.sim.RunCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The page's actions. Two kinds: the pace controls of virtual time ({@code pause}, {@code resume},
 * {@code step}, {@code speed}, and {@code stop}; a pause that names a node is the fault); and
 * everything else, which is an entry of the scenario's {@code faults} list without {@code at}
 * ({@code {"action": "crash", "node": "leader"}}), read by the scenario's own reader. A fault is
 * then decided on the run's event thread, against the run as it is at that instant: a restart
 * of a node that is up, or a heal with no partition in force, is refused there, as the scenario's
 * schedule check refuses it in a file, so that what was done always replays. What was fired is
 * kept, with its instant, for {@link ActionExport}. Where "the event thread" is, and which pace
 * controls there are, is the {@link DemoDriver}'s to say: a live run has no pause, step or speed.
 */
final class DemoControls {

  /** The pace controls; every other action is a fault entry. */
  static final List<String> PACE = List.of("pause", "resume", "step", "speed", "stop");
  /** How long an action waits for the event thread to take it. */
  static final long DECIDE_SECONDS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An action fired: the entry as the page sent it, and when it struck. */
  record Done(ScheduledFault fault, String entry) {}

  /** The run, as the event thread sees it once the writes have started. */
  record Run(RunCluster cluster, FaultControl faults, Recorder recorder) {}

  private final Scenario scenario;
  private final DemoDriver driver;
  private final Runnable stop;
  private volatile Run run;
  private final List<Done> done = new ArrayList<>();

  /** @param stop what the page's stop does: the demo's own stop, as Ctrl-C's */
  DemoControls(Scenario scenario, DemoDriver driver, Runnable stop) {
    this.scenario = scenario;
    this.driver = driver;
    this.stop = stop;
  }

  /** The writes have started: fault actions may fire from now on. */
  void started(Run run) {
    this.run = run;
  }

  /**
   * Checks {@code body} and has the event thread carry it out; completes with why it is refused
   * (nothing then changes), or empty once it was taken.
   */
  CompletionStage<Optional<String>> act(String body) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return refused("the body is not JSON: " + e.getOriginalMessage());
    }
    if (request == null || !request.isObject() || !request.path("action").isTextual()) {
      return refused("send an object with an action: {\"action\": \"crash\", \"node\": \"leader\"}, or one of "
          + String.join(", ", PACE));
    }
    String action = request.get("action").asText();
    // a pause names a node when it is the node's (a fault: a GC pause); without one it pauses time
    if (PACE.contains(action) && !(action.equals("pause") && request.has("node"))) {
      return pace(action, request.get("value"));
    }
    ScheduledFault read;
    try {
      read = ActionReader.read(body, "d?", scenario);
    } catch (ScenarioException e) {
      return refused(e.getMessage());
    }
    CompletableFuture<Optional<String>> decided = new CompletableFuture<>();
    if (!driver.enqueue(() -> decided.complete(strike(read, body)))) {
      return refused(run == null ? "the writes have not started yet: try again in a moment"
          : "the run has stopped; start another with replsim demo");
    }
    return decided.completeOnTimeout(Optional.of("the run did not take the action within " + DECIDE_SECONDS
        + " s: it has stopped"), DECIDE_SECONDS, TimeUnit.SECONDS);
  }

  /** On the event thread: fires the fault, unless the run as it is now makes it meaningless. */
  private Optional<String> strike(ScheduledFault read, String body) {
    Run r = run;
    if (r == null) {
      return Optional.of("the writes have not started yet: try again in a moment");
    }
    if (read.fault() instanceof Fault.Method m && m.method().needsPages() && !scenario.keepsPages()) {
      return Optional.of("method wal: this scenario's nodes keep rows in a map, and WAL ships pages; start the demo"
          + " with cluster.replication.method = wal, or schedule a switch to wal in its faults");
    }
    Optional<String> meaningless = meaningless(read.fault(), r);
    if (meaningless.isPresent()) {
      return meaningless;
    }
    ScheduledFault struck = r.faults().strikeNow(read.fault(), read.durationMicros());
    synchronized (done) {
      done.add(new Done(struck, body));
    }
    return Optional.empty();
  }

  /** Why the fault would do nothing now, as the schedule check says of a scenario's faults. */
  private static Optional<String> meaningless(Fault fault, Run r) {
    if (fault instanceof Fault.Restart restart && !restart.target().isSelector()) {
      List<String> up = new ArrayList<>(restart.target().nodes());
      up.retainAll(r.cluster().running());
      if (!up.isEmpty()) {
        return Optional.of("restart " + String.join(", ", up) + ": it is running; crash it first");
      }
    }
    if (fault instanceof Fault.Heal heal) {
      List<String> active = r.faults().activePartitions();
      if (active.isEmpty()) {
        return Optional.of("heal: no partition is in force, there is nothing to heal");
      }
      if (heal.partition() != null && !active.contains(heal.partition())) {
        return Optional.of("heal " + heal.partition() + ": no partition of that name is in force (in force: "
            + String.join(", ", active) + ")");
      }
    }
    return Optional.empty();
  }

  private CompletionStage<Optional<String>> pace(String action, JsonNode value) {
    if (action.equals("stop")) {
      stop.run();
      return CompletableFuture.completedFuture(Optional.empty());
    }
    if (driver.live()) {
      return refused(LiveDemoDriver.NO_PACE);
    }
    double speed = value != null && value.isNumber() ? value.asDouble() : Double.NaN;
    if (action.equals("speed") && !(speed >= Demo.MIN_SPEED && speed <= Demo.MAX_SPEED)) {
      return refused("speed must be a number from " + Demo.MIN_SPEED + " to " + (int) Demo.MAX_SPEED
          + ", not " + value);
    }
    Optional<String> refusal = driver.control(action, speed);
    if (refusal.isEmpty()) {
      driver.enqueue(() -> paced(action, speed));
    }
    return CompletableFuture.completedFuture(refusal);
  }

  /**
   * On the event thread, after the change: records it in {@code events.jsonl} at its instant (type
   * {@code pace}), as every action is; it changes when events run, never what they do.
   */
  private void paced(String action, double speed) {
    Run r = run;
    if (r != null) {
      r.recorder().event(r.cluster().scheduler().clock().nowMicros(), "pace", null, action.equals("speed")
          ? RunEvent.details("action", action, "speed", speed) : RunEvent.details("action", action));
    }
  }

  private static CompletionStage<Optional<String>> refused(String why) {
    return CompletableFuture.completedFuture(Optional.of(why));
  }

  /** The actions fired so far, oldest first. */
  List<Done> done() {
    synchronized (done) {
      return List.copyOf(done);
    }
  }
}
