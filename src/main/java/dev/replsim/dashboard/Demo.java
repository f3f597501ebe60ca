package dev.replsim.dashboard;

import dev.replsim.metrics.LiveFigures;
import dev.replsim.metrics.Recorder;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.TimeSeriesSampler;
import dev.replsim.metrics.RunResult;
import dev.replsim.protocol.NodeStatus;
import dev.replsim.scenario.Scenario;
import dev.replsim.sim.FaultControl;
import dev.replsim.sim.LiveRun;
import dev.replsim.sim.RunCluster;
import dev.replsim.sim.RunFailedException;
import dev.replsim.sim.RunHook;
import dev.replsim.sim.RunListener;
import dev.replsim.sim.VirtualRun;
import dev.replsim.sim.virtual.EventLoop;
import dev.replsim.sim.virtual.Pace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * A classroom demonstration running: the {@link RunHook} that is handed the running cluster, the
 * {@link DemoDriver} that drives it (virtual time held to the wall clock by {@link DemoPace}, or a
 * live run in real time), and the one door the HTTP threads use. They call {@link #act} (validated
 * at once, carried out later where the driver says) and read {@link #state()} (the last state
 * published); they never touch the simulation itself.
 */
public final class Demo implements RunHook {

  public static final double MIN_SPEED = 0.01;
  public static final double MAX_SPEED = 100;
  /** How many events the states carry, newest last. */
  private static final int RECENT_EVENTS = 40;

  private final Scenario scenario;
  private final DemoDriver driver;
  private final DemoControls controls;
  private final DemoSettings initial;
  private DemoSettings settings;
  private final ArrayDeque<DemoState.Event> recent = new ArrayDeque<>();
  private final Flights flights = new Flights();
  /** The instant of the state published last: the next state's flights are those on their way since. */
  private long publishedMicros = -1;
  private volatile DemoState state;
  private long published;
  private int eventsSeen;
  private long eventSeq;
  private long lostWrites;
  private long startMicros;
  private volatile RunCluster cluster;
  private Recorder recorder;
  private FaultControl faults;
  /** In a live run, when the stop was asked for, after the start of the writes; -1 before. */
  private volatile long stoppedAtMicros = -1;
  /** What each node last said of itself, for when it cannot say (a live node slow to answer). */
  private final Map<String, NodeStatus> lastKnown = new HashMap<>();

  /** A demonstration of {@code scenario} at {@code speed} × real time. */
  public Demo(Scenario scenario, double speed) {
    this(scenario, speed, System::nanoTime);
  }

  Demo(Scenario scenario, double speed, LongSupplier wallNanos) {
    this(scenario, new DemoPace(speed, wallNanos));
  }

  private Demo(Scenario scenario, DemoDriver driver) {
    this.scenario = scenario;
    this.driver = driver;
    this.controls = new DemoControls(scenario, driver, this::stop);
    this.initial = DemoSettings.of(scenario);
    this.settings = initial;
    this.state = new DemoState(0, 0, null, false, driver.speed(), true, scenario.leader(), List.of(), List.of(), 0,
        0, 0, List.of(), settings, DemoState.Reads.NONE, null, null, List.of(), driver.live());
    driver.publishWith(this::publish);
  }

  /** A demonstration of {@code scenario} on a live run, in real time: no pause, step or speed. */
  public static Demo live(Scenario scenario) {
    return new Demo(scenario, new LiveDemoDriver());
  }

  /** Runs the scenario with this demonstration steering it, on the driver it was made for. */
  public RunResult run(RunListener listener) throws RunFailedException {
    return driver.live() ? LiveRun.run(scenario, listener, this) : VirtualRun.run(scenario, listener, pace(), this);
  }

  /** The scenario's name, for file names. */
  public String name() {
    return scenario.simulation().name();
  }

  /** The pace the run's virtual time goes at; a live demonstration has none. */
  public Pace pace() {
    if (driver instanceof Pace pace) {
      return pace;
    }
    throw new IllegalStateException("a live demo has no pace: real time goes at its own");
  }

  /**
   * In virtual time, how far behind the wall clock the pace fell running events (see {@link
   * DemoPace#lateness()}); null for a live run, whose lateness is its links' delivery error.
   */
  Histogram paceLateness() {
    return driver instanceof DemoPace pace ? pace.lateness() : null;
  }

  /** Whether the run is live, in real time. */
  public boolean live() {
    return driver.live();
  }

  /** The last state published. */
  public DemoState state() {
    return state;
  }

  /** Ends the writes at the next chance, as the page's stop does (Ctrl-C). */
  public void stop() {
    if (driver.live() && cluster != null && stoppedAtMicros < 0) {
      stoppedAtMicros = cluster.scheduler().clock().nowMicros() - startMicros;
    }
    driver.requestStop();
  }

  @Override
  public CompletionStage<Void> stopped() {
    return driver.stopped();
  }

  @Override
  public void writesStarted(long startMicros, RunCluster cluster, Recorder recorder, FaultControl faults) {
    this.startMicros = startMicros;
    this.cluster = cluster;
    this.recorder = recorder;
    this.faults = faults;
    recorder.tapMessages(flights);
    controls.started(new DemoControls.Run(cluster, faults, recorder));
    driver.started(faults);
  }

  /**
   * Checks an action from the page (its JSON body) and has the event thread carry it out;
   * completes with why it is refused (a refused action changes nothing), or empty once it was
   * taken. See {@link DemoControls} for what an action may be.
   */
  public CompletionStage<Optional<String>> act(String body) {
    if (!state.running() || driver.stopRequested()) {
      return CompletableFuture.completedFuture(Optional.of("the run has stopped; start another with replsim demo"));
    }
    return controls.act(body);
  }

  /**
   * What was done so far, as a scenario file that replays it ({@link ActionExport}); null before
   * the writes start. Safe from any thread.
   */
  public String export() {
    DemoState s = state;
    if (cluster == null) {
      return null;
    }
    // told to stop at t, the run's writes take [0, t + 1 µs): the same duration replays them
    long now = Math.round(s.simTimeMs() * 1000) + (driver.stopRequested() ? 1 : 0);
    if (driver.live()) { // the run clock is anyone's to read, and newer than the last state
      long stoppedAt = stoppedAtMicros;
      now = stoppedAt >= 0 ? stoppedAt + 1 : cluster.scheduler().clock().nowMicros() - startMicros;
    }
    return ActionExport.render(scenario, controls.done(), now);
  }

  /** Builds and publishes the state: on the event thread, between events; live, on the driver's thread. */
  private void publish() {
    if (cluster == null) {
      return;
    }
    long now = cluster.scheduler().clock().nowMicros();
    List<String> up = cluster.running();
    String leader = cluster.leader();
    List<DemoState.Node> nodes = new ArrayList<>();
    NodeStatus leaderLog = null;
    for (String name : scenario.nodes()) {
      NodeStatus s = up.contains(name) ? status(name) : null;
      if (s == null) {
        nodes.add(new DemoState.Node(name, "down", 0, 0, 0, false));
        continue;
      }
      nodes.add(new DemoState.Node(name, s.role().name().toLowerCase(Locale.ROOT), s.term(), s.lastLsn(),
          s.appliedLsn(), true));
      if (name.equals(leader) && s.role() == NodeStatus.Role.LEADER) {
        leaderLog = s;
      }
    }
    if (leaderLog != null) { // while no one leads, the count stays where the last leader left it
      lostWrites = LiveFigures.lostAgainst(recorder, leaderLog);
    }
    List<DemoState.Lag> lags = new ArrayList<>();
    for (LiveFigures.FollowerLag l : LiveFigures.lags(recorder, now)) {
      if (up.contains(l.node())) {
        lags.add(new DemoState.Lag(l.node(), l.applyLagMs(), l.entriesBehind()));
      }
    }
    for (RunEvent e : LiveFigures.eventsSince(recorder, eventsSeen)) {
      eventsSeen++;
      settings = settings.after(e, initial);
      String text = EventWords.of(e);
      if (text != null) {
        recent.addLast(new DemoState.Event(++eventSeq, e.tMs(), text));
        if (recent.size() > RECENT_EVENTS) {
          recent.removeFirst();
        }
      }
    }
    List<DemoState.Flight> onTheirWay = flights.during(publishedMicros < 0 ? now : publishedMicros, now, startMicros);
    publishedMicros = now;
    long next = cluster.scheduler() instanceof EventLoop loop ? loop.nextAt() : -1;
    TimeSeriesSampler.Snapshot sample = recorder.lastSample();
    state = new DemoState(++published, ms(now - startMicros),
        next < 0 || next == Long.MAX_VALUE ? null : ms(next - startMicros), driver.paused(), driver.speed(),
        !driver.stopRequested(), leaderLog == null ? null : leaderLog.name(), nodes, lags,
        LiveFigures.acknowledged(recorder), LiveFigures.failed(recorder), lostWrites, new ArrayList<>(recent),
        settings, new DemoState.Reads(recorder.reads().answered(), recorder.staleReads().judged(),
            recorder.staleReads().stale()), sample == null ? null : sample.commitP50Ms(),
        sample == null ? null : sample.commitP99Ms(), onTheirWay, driver.live());
  }

  /**
   * The node's status, or what it last said if it cannot say now (a live node slow to answer, or
   * the cluster closing after the drain; the virtual driver's nodes always can).
   */
  private NodeStatus status(String node) {
    try {
      NodeStatus s = cluster.status(node);
      lastKnown.put(node, s);
      return s;
    } catch (Exception e) {
      return lastKnown.get(node);
    }
  }

  /** The run is over: the state says so, and actions are refused. */
  public void finish() {
    driver.finish();
    DemoState s = state;
    state = new DemoState(s.seq() + 1, s.simTimeMs(), s.nextEventMs(), s.paused(), s.speed(), false, s.leader(),
        s.nodes(), s.lags(), s.acknowledged(), s.failed(), s.lostWrites(), s.events(), s.settings(), s.reads(), s.commitP50Ms(),
        s.commitP99Ms(), List.of(), s.live());
  }

  /** To the microsecond, as virtual time runs: a step to an event 30 µs on must show as a step. */
  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
