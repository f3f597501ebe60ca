package dev.replsim.dashboard;

import dev.replsim.metrics.LatencyStats;
import dev.replsim.metrics.OutputWriter;
import dev.replsim.metrics.RunResult;
import dev.replsim.metrics.Summary;
import dev.replsim.report.HeadlessChromium;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.scenario.SettingOverride;
import dev.replsim.sim.RunListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The figures of docs/benchmarks.md's "What the dashboard's page costs the run":
 * {@code simulations/bench-dashboard.conf} as a demo, live and in virtual time at 1×, each with no
 * page open and with headless Chromium showing the page the whole run; one table row per run. Live,
 * the cost would show as the links delivering later ({@code network.deliveryErrorMs}) and so as
 * apply lag above the 40 ms link; in virtual time every figure is exact whatever the host does,
 * and the cost would show as the pace falling behind the wall clock. Not a test (the suite does
 * not run it); run it by hand on a quiet machine:
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.replsim.dashboard.DashboardCostBench [runs] [live|live-page|virtual|virtual-page ...]
 * </pre>
 *
 * <p>Each run's outputs go to {@code target/bench-dashboard/<variant>-<run>/}; {@code -Dduration=3s}
 * shortens the runs for a quick look.
 */
public final class DashboardCostBench {

  static final List<String> VARIANTS = List.of("live", "live-page", "virtual", "virtual-page");

  private DashboardCostBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    List<String> variants = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : VARIANTS;
    Path out = Path.of("target", "bench-dashboard");
    System.out.println("| variant | run | load before | states the page got | delivery error p50 / p99 / max ms"
        + " | apply lag p50 / p99 ms (per follower) | commit latency p50 / p99 ms | pace behind p50 / p99 / max ms |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
    // interleaved (live, live-page, virtual, ...) so that a change in the machine's load spreads over all
    for (int run = 1; run <= runs; run++) {
      for (String variant : variants) {
        System.out.println(row(variant, run, out.resolve(variant + "-" + run)));
      }
    }
  }

  private static String row(String variant, int run, Path dir) throws Exception {
    boolean live = variant.startsWith("live");
    boolean page = variant.endsWith("-page");
    List<SettingOverride> sets = new ArrayList<>(List.of(
        new SettingOverride("--set", "simulation.time=" + (live ? "live" : "virtual")),
        new SettingOverride("--set", "output.dir=" + dir)));
    String duration = System.getProperty("duration"); // -Dduration=3s for a quick look
    if (duration != null) {
      sets.add(new SettingOverride("--set", "simulation.duration=" + duration));
    }
    Scenario scenario = ScenarioLoader.load(Path.of("simulations/bench-dashboard.conf"), sets);
    Demo demo = live ? Demo.live(scenario) : new Demo(scenario, 1);
    String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    long statesSeen = -1;
    RunResult result;
    try (DashboardServer server = DashboardServer.start(demo, "127.0.0.1", 0);
        HeadlessChromium chromium = page ? HeadlessChromium.start() : null) {
      if (chromium != null) {
        chromium.driver().get(server.url("127.0.0.1"));
      }
      result = demo.run(RunListener.SILENT);
      if (chromium != null) {
        statesSeen = Long.parseLong(String.valueOf(chromium.driver().executeScript("return document.body.dataset.seq")));
      }
    } finally {
      demo.finish();
    }
    Files.createDirectories(dir);
    OutputWriter.write(dir, scenario, result);
    Summary s = result.summary();
    List<String> lags = new ArrayList<>();
    for (Map.Entry<String, Summary.FollowerLag> e : s.lag().entrySet()) {
      lags.add(e.getKey() + " " + f(e.getValue().applyMs().p50()) + " / " + f(e.getValue().applyMs().p99()));
    }
    LatencyStats delivery = s.network().deliveryErrorMs();
    Histogram behind = demo.paceLateness();
    return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s / %s | %s |", variant, run, load,
        page ? String.valueOf(statesSeen) : "no page",
        delivery == null || delivery.count() == 0 ? "–"
            : f(delivery.p50()) + " / " + f(delivery.p99()) + " / " + f(delivery.max()),
        String.join("; ", lags), f(s.commitLatencyMs().p50()), f(s.commitLatencyMs().p99()),
        behind == null ? "–" : f(behind.getValueAtPercentile(50) / 1e3) + " / "
            + f(behind.getValueAtPercentile(99) / 1e3) + " / " + f(behind.getMaxValue() / 1e3));
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
