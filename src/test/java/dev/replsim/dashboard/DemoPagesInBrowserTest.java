package dev.replsim.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.report.HeadlessChromium;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Each ready demo in headless Chromium, steered with the page's own controls as its "what to show"
 * says: demo-lag switches the commit mode to sync and sees commits wait for the farthest follower;
 * demo-stale-reads counts stale reads, then cuts a follower off by ticking it and pressing
 * "partition"; demo-failover slows a follower and changes a link. Each saves a screenshot of the
 * page ({@code target/browser-test/demo-*.png}, copied into {@code docs/screenshots} for the
 * README), logs no console errors, and exports what was done as a scenario that loads. Skipped
 * without Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPagesInBrowserTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private HeadlessChromium chromium;
  private ChromeDriver browser;

  @BeforeAll
  void startChromium() throws Exception {
    chromium = HeadlessChromium.start();
    browser = chromium.driver();
  }

  @AfterAll
  void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void demoLagSyncCommitsWaitForTheFarthestFollower() throws Exception {
    onThePage("demo-lag", 2, server -> {
      waitFor("the lag bars", b -> b.findElements(By.cssSelector("#lags .lag")).size() == 3);
      choose("mode", "sync");
      browser.findElement(By.id("set-commit")).click();
      waitFor("sync in force", b -> "sync".equals(b.findElement(By.id("settings-now")).getDomAttribute("data-mode")));
      waitFor("commits waiting 125 ms", b -> Double.parseDouble(b.findElement(By.id("commit-now"))
          .getDomAttribute("data-p50")) > 120);
      waitFor("the change in the feed", b -> b.findElement(By.id("events")).getText()
          .contains("commit mode is now sync"));
      return "action = commit";
    });
  }

  @Test
  void demoStaleReadsCountsStaleReadsAndAFollowerCutOffByTheSidesChosen() throws Exception {
    onThePage("demo-stale-reads", 2, server -> {
      waitFor("stale reads counted", b -> Long.parseLong(b.findElement(By.id("stale-reads")).getText()) > 0);
      browser.findElement(By.cssSelector("#sides input[value='follower-3']")).click();
      browser.findElement(By.id("partition")).click();
      waitFor("the partition in the feed", b -> b.findElement(By.id("events")).getText()
          .contains("partition follower-3"));
      return "action = partition";
    });
  }

  @Test
  void demoFailoverSlowsAFollowerAndChangesALink() throws Exception {
    onThePage("demo-failover", 2, server -> {
      choose("slow-node", "follower-2");
      browser.findElement(By.id("slow")).click();
      waitFor("the slow follower in the feed", b -> b.findElement(By.id("events")).getText()
          .contains("slow follower-2"));
      choose("link-to", "follower-1");
      browser.findElement(By.id("link-delay")).clear();
      browser.findElement(By.id("link-delay")).sendKeys("200");
      browser.findElement(By.id("set-link")).click();
      waitFor("follower-1 200 ms behind", b -> Double.parseDouble(b.findElement(By.cssSelector(
          "#lags .lag[data-node='follower-1']")).getDomAttribute("data-ms")) >= 200);
      return "action = link";
    });
  }

  @Test
  void demoFailoverLiveHidesThePaceControlsAndFailsOverFromThePage() throws Exception {
    DemoRuns run = DemoRuns.startLive("simulation.warm-up=1s");
    try (DashboardServer server = DashboardServer.start(run.demo, "127.0.0.1", 0)) {
      browser.get(server.url("127.0.0.1"));
      waitFor("the live run writing", b -> Long.parseLong(b.findElement(By.id("acknowledged")).getText()) > 0
          && !b.findElement(By.id("leader")).getDomAttribute("data-leader").isEmpty());
      assertEquals("live", browser.findElement(By.id("state-word")).getText());
      for (String pace : List.of("pause", "resume", "step", "slower", "faster", "slow-motion")) {
        assertTrue(!browser.findElement(By.id(pace)).isDisplayed(), pace + " is hidden on a live run");
      }
      waitFor("messages drawn on their way", b -> Integer.parseInt(b.findElement(By.id("flights"))
          .getDomAttribute("data-flights")) > 0);
      String leader = browser.findElement(By.id("leader")).getDomAttribute("data-leader");
      browser.findElement(By.id("crash-leader")).click();
      waitFor("another node elected", b -> {
        String now = b.findElement(By.id("leader")).getDomAttribute("data-leader");
        return !now.isEmpty() && !now.equals(leader);
      });
      var problems = chromium.consoleProblems();
      assertTrue(problems.isEmpty(), "console errors: " + problems);
      browser.get("about:blank");
    } finally {
      run.stop();
    }
  }

  /** What a test does on a demo's page; returns what its export must contain. */
  @FunctionalInterface
  private interface Steps {
    String on(DashboardServer server) throws Exception;
  }

  private void onThePage(String demo, double speed, Steps steps) throws Exception {
    DemoRuns run = DemoRuns.start(Path.of("simulations", demo + ".conf"), speed);
    try (DashboardServer server = DashboardServer.start(run.demo, "127.0.0.1", 0)) {
      browser.get(server.url("127.0.0.1"));
      waitFor("the run going", b -> Double.parseDouble(b.findElement(By.id("sim-time")).getDomAttribute("data-ms"))
          > 3000);
      String exported = steps.on(server);
      var problems = chromium.consoleProblems();
      assertTrue(problems.isEmpty(), "console errors: " + problems);
      chromium.screenshot(demo + ".png");
      String export = http.send(HttpRequest.newBuilder(URI.create(server.url("127.0.0.1") + "export")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(export.contains(exported) || export.contains(exported.replace(" = ", "=")), export);
      Scenario replay = ScenarioLoader.load("exported.conf", export, List.of());
      assertEquals(demo, replay.simulation().name());
      browser.get("about:blank"); // leave the page before its server goes, so its stream ends quietly
    } finally {
      run.stop();
    }
  }

  /** Picks an option of a select as a click would. */
  private void choose(String select, String option) {
    browser.findElement(By.xpath("//select[@id='" + select + "']/option[text()='" + option + "']")).click();
  }

  private void waitFor(String what, Predicate<ChromeDriver> condition) {
    PageWait.until(browser, Duration.ofSeconds(20), condition, what, () -> "sim time "
        + browser.findElement(By.id("sim-time")).getDomAttribute("data-ms") + ", error '"
        + browser.findElement(By.id("error")).getText() + "', console " + chromium.consoleProblems());
  }
}
