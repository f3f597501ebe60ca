package dev.replsim.cli;

import dev.replsim.dashboard.DashboardServer;
import dev.replsim.dashboard.Demo;
import dev.replsim.metrics.OutputWriter;
import dev.replsim.metrics.RunResult;
import dev.replsim.random.Durations;
import dev.replsim.report.ReportWriter;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.TimeMode;
import dev.replsim.sim.RunListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code replsim demo}: runs a scenario in virtual time held to the wall clock ({@code --speed}
 * × real time), or live ({@code --time live}: the real cluster in real time), and serves the
 * classroom dashboard, where a teacher crashes, restarts and isolates nodes, heals, and, in
 * virtual time, pauses, steps and changes the speed. It runs for the scenario's duration or until
 * stopped (the page's stop, or Ctrl-C), then writes its results as {@code replsim run} does.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ManifestVersion.class,
    description = "Run a scenario in virtual time at wall-clock pace (or live, --time live) and serve a live"
        + " dashboard to steer it.")
final class DemoCommand implements Callable<Integer> {

  /** The scenario that replays what was done, beside the results. */
  static final String ACTIONS = "actions.conf";
  /** How long Ctrl-C waits for the results to be written. */
  private static final long STOP_WAIT_SECONDS = 60;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Mixin ScenarioOptions scenario;

  @Option(names = "--port", paramLabel = "N", description = "The dashboard's port; 0 picks a free one (default: 8080).")
  int port = 8080;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "The address to serve on (default: 127.0.0.1). Any other address needs the access token printed.")
  String bind = "127.0.0.1";

  @Option(
      names = "--speed",
      paramLabel = "X",
      description = "Simulated time per wall-clock time, 0.01 to 100 (default: 1); virtual time only.")
  Double speed;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    return main.outcome(spec, this::run);
  }

  private int run() throws Exception {
    if (speed != null && !(speed >= Demo.MIN_SPEED && speed <= Demo.MAX_SPEED)) {
      return main.badInput(spec, "--speed must be from " + Demo.MIN_SPEED + " to " + (int) Demo.MAX_SPEED + ", not "
          + speed);
    }
    if (port < 0 || port > 65535) {
      return main.badInput(spec, "--port must be from 0 to 65535, not " + port);
    }
    Scenario chosen = main.scenarios().load(scenario.file, scenario.overrides());
    // virtual unless asked for: simulation.time defaults to live for replsim run, but a classroom
    // demo wants pause and step
    boolean live = scenario.time == TimeMode.LIVE;
    if (live && speed != null) {
      return main.badInput(spec, "--speed needs virtual time: a live demo runs in real time; leave out --speed");
    }
    Path dir = output.directory(chosen, main.clock());
    Scenario loaded = chosen.withOutputDir(dir.toString());
    Optional<String> refusal = output.refusal(dir);
    if (refusal.isPresent()) {
      return main.badInput(spec, refusal.get());
    }
    PrintWriter console = spec.commandLine().getOut();
    Demo demo = live ? Demo.live(loaded) : new Demo(loaded, speed == null ? 1 : speed);
    DashboardServer server;
    try {
      server = DashboardServer.start(demo, bind, port);
    } catch (Exception e) {
      return main.badInput(spec, "cannot serve the dashboard on " + bind + ":" + port + ": " + e.getMessage());
    }
    CountDownLatch written = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> {
      demo.stop();
      try {
        written.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "replsim-demo-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try (server) {
      console.println("demo " + loaded.simulation().name() + ": seed " + loaded.simulation().seed() + ", up to "
          + Durations.format(loaded.simulation().duration().toNanos() / 1000)
          + (live ? " live, in real time" : " of virtual time at " + (speed == null ? 1 : speed) + "× real time")
          + "; results go to " + dir);
      console.println("dashboard    " + server.url(bind.equals("0.0.0.0") ? "127.0.0.1" : bind));
      server.token().ifPresent(t -> console.println("access token " + t + " (every request needs ?token=" + t + ")"));
      console.println("stop         the page's stop button, or Ctrl-C; the results are written then");
      console.flush();
      RunResult result = demo.run(phases(console));
      int code = write(dir, loaded, result, demo.export()) && Reports.draw(dir, spec.commandLine().getErr())
          ? ExitCode.OK : ExitCode.RUN_FAILED;
      if (code == ExitCode.OK) {
        new RunReport(console).print(result.summary(), result.host(), dir);
      }
      return code;
    } finally {
      demo.finish();
      written.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException e) {
        // already shutting down (Ctrl-C): the hook is waiting for us, and now goes
      }
    }
  }

  /** Prints the run's phases; the page shows its progress. */
  private static RunListener phases(PrintWriter console) {
    return new RunListener() {
      @Override
      public void phase(String description) {
        console.println(description);
        console.flush();
      }
    };
  }

  /** Writes the results as {@code replsim run} does, and what was done as {@code actions.conf}. */
  private boolean write(Path dir, Scenario scenario, RunResult result, String actions) {
    ReportWriter.prepare();
    try {
      Files.createDirectories(dir);
      OutputWriter.write(dir, scenario, result);
      if (actions != null) {
        Files.writeString(dir.resolve(ACTIONS), actions);
      }
      return true;
    } catch (IOException e) {
      spec.commandLine().getErr().println("demo finished but its results could not be written to " + dir + ": " + e);
      return false;
    }
  }
}
