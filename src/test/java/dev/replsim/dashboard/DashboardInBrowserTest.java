package dev.replsim.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.cli.Main;
import dev.replsim.report.HeadlessChromium;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import java.util.List;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import java.util.function.Predicate;

/**
 * The classroom dashboard as a teacher uses it: {@code replsim demo simulations/demo-failover.conf
 * --port 0 --speed 5} runs in-process, headless Chromium opens its page, pauses and steps it, then
 * crashes the leader and sees another node elected and the lost writes counted; the page logs no
 * console errors, and the run's events.jsonl has the page's crash. Skipped without Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardInBrowserTest {

  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/");

  /** The run's results, beside the screenshot. */
  private final Path results = HeadlessChromium.OUT.resolve("dashboard");

  private HeadlessChromium chromium;
  private ChromeDriver browser;
  private final StringWriter console = new StringWriter();
  private CompletableFuture<Integer> demo;
  private String url;

  @BeforeAll
  void startDemoAndChromium() throws Exception {
    chromium = HeadlessChromium.start();
    browser = chromium.driver();
    System.setProperty("java.awt.headless", "true");
    // 400 writes/s rather than the file's 100, so that a crash always finds writes only the leader holds
    String[] args = {"demo", "simulations/demo-failover.conf", "--port", "0", "--speed", "5",
        "--set", "workload.write-rate=400", "--out", results.resolve("demo").toString(), "--force"};
    demo = CompletableFuture.supplyAsync(() -> Main.commandLine(new Main())
        .setOut(new PrintWriter(console, true)).setErr(new PrintWriter(console, true)).execute(args));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Matcher m = URL.matcher("");
    while (!(m = URL.matcher(console.toString())).find()) {
      assertTrue(System.nanoTime() < deadline, "the demo printed its URL: " + console);
      assertTrue(!demo.isDone(), "the demo is running: " + console);
      Thread.onSpinWait();
    }
    url = m.group();
    browser.get(url);
    waitFor(Duration.ofSeconds(10)).until(b -> Double.parseDouble(simMs()) > 500);
  }

  @AfterAll
  void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (demo != null && !demo.isDone()) {
      demo.cancel(true);
    }
  }

  @Test
  @Order(1)
  void spacePausesTheSimulatedTimeAndAStepMovesItToTheNextEvent() {
    new Actions(browser).sendKeys(Keys.SPACE).perform();
    waitFor(Duration.ofSeconds(5)).until(b -> "true".equals(b.findElement(By.id("state-word"))
        .getDomAttribute("data-paused")));
    String paused = simMs();
    int seq = seq();
    waitFor(Duration.ofSeconds(5)).until(b -> seq() >= seq + 5); // a second of states, about five
    assertEquals(paused, simMs(), "simulated time stood still while paused");
    String next = browser.findElement(By.id("sim-time")).getDomAttribute("data-next-ms");

    browser.findElement(By.id("step")).click();

    waitFor(Duration.ofSeconds(5)).until(b -> !simMs().equals(paused));
    assertEquals(Double.parseDouble(next), Double.parseDouble(simMs()), "a step moves to the next event's instant");
    browser.findElement(By.id("resume")).click();
    waitFor(Duration.ofSeconds(5)).until(b -> "false".equals(b.findElement(By.id("state-word"))
        .getDomAttribute("data-paused")));
    assertTrue(chromium.consoleProblems().isEmpty(), "console errors");
  }

  @Test
  @Order(2)
  void crashingTheLeaderElectsAnotherAndCountsTheLostWrites() throws Exception {
    String leader = browser.findElement(By.id("leader")).getDomAttribute("data-leader");
    assertEquals("leader", browser.findElement(By.cssSelector("[data-node='" + leader + "'].node"))
        .getDomAttribute("data-role"));

    browser.findElement(By.cssSelector("#node-" + leader + " button[data-action='crash']")).click();

    waitFor(Duration.ofSeconds(15)).until(b -> {
      String now = b.findElement(By.id("leader")).getDomAttribute("data-leader");
      return !now.isEmpty() && !now.equals(leader)
          && Long.parseLong(b.findElement(By.id("lost-writes")).getText()) > 0;
    });
    String newLeader = browser.findElement(By.id("leader")).getDomAttribute("data-leader");
    assertNotEquals(leader, newLeader);
    assertEquals("leader", browser.findElement(By.id("node-" + newLeader)).getDomAttribute("data-role"));
    assertEquals("down", browser.findElement(By.id("node-" + leader)).getDomAttribute("data-role"));
    assertTrue(browser.findElement(By.id("events")).getText().contains(newLeader + " became leader"));
    assertTrue(chromium.consoleProblems().isEmpty(), "console errors");
    chromium.screenshot("dashboard-after-crash.png");

    browser.findElement(By.id("stop")).click();
    assertEquals(0, demo.get(60, TimeUnit.SECONDS), "the demo ended well: " + console);
    String events = Files.readString(results.resolve("demo").resolve("events.jsonl"));
    assertTrue(events.contains("\"type\":\"fault\",\"id\":\"d1\",\"action\":\"crash\""), events);
    for (String pace : List.of("pause", "step", "resume")) {
      assertTrue(events.contains("\"type\":\"pace\",\"action\":\"" + pace + "\""), pace + " in " + events);
    }
    String actions = Files.readString(results.resolve("demo").resolve("actions.conf"));
    Scenario replay = ScenarioLoader.load("actions.conf", actions, List.of());
    assertEquals("d1", replay.faults().get(replay.faults().size() - 1).id(), actions);
  }

  /** Polls the page until a condition holds, saying what it showed if it does not. */
  private Wait waitFor(Duration d) {
    return condition -> PageWait.until(browser, d, condition, "the condition", () -> "sim time " + simMs()
        + ", state #" + seq() + ", paused " + browser.findElement(By.id("state-word")).getDomAttribute("data-paused")
        + ", error '" + browser.findElement(By.id("error")).getText() + "', console " + chromium.consoleProblems());
  }

  @FunctionalInterface
  private interface Wait {
    void until(Predicate<ChromeDriver> condition);
  }

  private String simMs() {
    return browser.findElement(By.id("sim-time")).getDomAttribute("data-ms");
  }

  private int seq() {
    String s = browser.findElement(By.tagName("body")).getDomAttribute("data-seq");
    return s == null ? 0 : Integer.parseInt(s);
  }
}
