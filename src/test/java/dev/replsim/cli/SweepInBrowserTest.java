package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.report.HeadlessChromium;
import dev.replsim.scenario.ScenarioLoader;
import dev.replsim.sim.Drivers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The README's sweep as written, ten delays × two commit modes × ten seeds, opened in headless
 * Chromium: {@code sweep.html} renders without a console
 * error, every chart drew its data, and the p99 apply lag it plots rises with the delay, one line
 * per commit mode. Skipped without Chromium, as {@link HeadlessChromium} says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepInBrowserTest {

  private static final String LAG_BY_DELAY = "apply-lag-p99-by-network.delay.value";

  private HeadlessChromium chromium;

  @BeforeAll
  void startChromium() throws IOException {
    chromium = HeadlessChromium.start();
  }

  @AfterAll
  void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theDelayByModeSweepShowsP99LagRisingWithTheDelayOneLinePerMode() throws IOException {
    Path out = HeadlessChromium.OUT.resolve("sweep");
    CliHarness cli = new CliHarness();
    cli.scenarios = ScenarioLoader::load;
    cli.runner = Drivers::run;
    // the README's command as written: 10 delays x 2 modes x 10 seeds = 200 runs of 10 s (about 15 s)
    assertEquals(ExitCode.OK, cli.execute("sweep", "simulations/sync-vs-async.conf",
        "--vary", "network.delay.value=10ms..100ms/10", "--vary", "cluster.replication.mode=async,sync",
        "--seeds", "10", "--out", out.toString(), "--force"), cli.err());

    List<Map<String, Object>> charts = chromium.open(out.resolve("sweep.html"));

    List<String> ids = HeadlessChromium.ids(charts);
    for (String id : List.of(LAG_BY_DELAY, "commit-p99-by-network.delay.value",
        "apply-lag-p99-by-cluster.replication.mode", "commit-p99-by-cluster.replication.mode")) {
      assertTrue(ids.contains(id), id + " in " + ids);
    }
    HeadlessChromium.assertEveryChartHasData(charts);
    WebElement lagChart = chromium.driver().findElement(By.cssSelector("[data-chart='" + LAG_BY_DELAY + "']"));
    String legend = lagChart.getAttribute("textContent");
    assertTrue(legend.contains("cluster.replication.mode = async") && legend.contains("cluster.replication.mode = sync"),
        legend);
    for (String mode : List.of("async", "sync")) {
      List<WebElement> points = chromium.driver().findElements(By.cssSelector("table[data-points='" + LAG_BY_DELAY
          + "'] tr[data-series='cluster.replication.mode = " + mode + "']"));
      assertEquals(List.of("10ms", "20ms", "30ms", "40ms", "50ms", "60ms", "70ms", "80ms", "90ms", "100ms"),
          points.stream().map(p -> p.getAttribute("data-x")).toList());
      double previous = 0;
      for (WebElement p : points) {
        double median = Double.parseDouble(p.getAttribute("data-median"));
        assertTrue(median > previous, mode + ": the p99 lag rises with the delay, " + median + " after " + previous);
        previous = median;
      }
      assertTrue(previous >= 100, mode + ": at 100 ms the p99 lag is at least 100 ms: " + previous);
    }
    chromium.screenshot("sweep.png");
  }
}
