package dev.replsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens generated pages in headless Chromium, as a reader would: each must render without a
 * console error, each chart must have drawn data, and hovering a message must show it. Saves a
 * full-page screenshot of each under {@code target/browser-test/}. Needs Debian's chromium and
 * chromium-driver ({@code .ci/run} installs them); skipped without them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportInBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path OUT = Path.of("target", "browser-test");

  /** For each chart: its id, how many SVG shapes it has, and how long its longest drawn line is. */
  private static final String CHART_DATA = """
      return Array.from(document.querySelectorAll('[data-chart]')).map(function (chart) {
        var longest = 0;
        chart.querySelectorAll('path, line').forEach(function (shape) {
          var box = shape.getBBox();
          if (box.width > 0 || box.height > 0) {
            longest = Math.max(longest, shape.getTotalLength ? shape.getTotalLength() : 0);
          }
        });
        return { id: chart.getAttribute('data-chart'), shapes: chart.querySelectorAll('path, line').length,
                 longest: longest, width: chart.getBoundingClientRect().width };
      });""";

  /** Selenium warns that it has no DevTools bindings for this Chromium; the test uses none. */
  private static final java.util.logging.Logger CDP_WARNINGS =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private ChromeDriver browser;

  @BeforeAll
  void startChromium() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "headless Chromium is not installed (apt-get install chromium chromium-driver, as .ci/run does):"
            + " skipping the browser test of the report");
    Files.createDirectories(OUT);
    CDP_WARNINGS.setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--user-data-dir=" + Files.createTempDirectory("replsim-chromium"), "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // the driver is named explicitly, so Selenium Manager never tries to download one
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aReportWithFaultsFailoversAndReadsRendersEveryChart() throws Exception {
    Path run = SyntheticRun.withIncidents(OUT.resolve("incidents"));
    Path page = ReportWriter.write(run);

    List<Map<String, Object>> charts = open(page);

    assertEquals(List.of("apply-lag", "entries-behind", "apply-lag-cdf", "commit-latency-cdf", "commit-latency-time",
        "throughput", "stale-reads", "sequence"), ids(charts));
    assertEveryChartHasData(charts);
    screenshot("report-incidents.png");
  }

  @Test
  void hoveringAMessageShowsIt() throws Exception {
    Path page = ReportWriter.write(SyntheticRun.withIncidents(OUT.resolve("hover")));
    open(page);

    WebElement arrow = browser.findElement(By.cssSelector("svg.sequence .msg.t-AppendEntries .hit"));
    new Actions(browser).scrollToElement(arrow).moveToElement(arrow).perform();

    WebElement tip = browser.findElement(By.id("tip"));
    assertTrue(tip.isDisplayed(), "the tooltip shows");
    assertTrue(tip.getText().startsWith("AppendEntries leader → follower-"), tip.getText());
  }

  @Test
  void aPlainRunsReportRendersWithoutTheSectionsItHasNoDataFor() throws Exception {
    Path page = ReportWriter.write(SyntheticRun.plain(OUT.resolve("plain")));

    List<Map<String, Object>> charts = open(page);

    assertEquals(List.of("apply-lag", "entries-behind", "apply-lag-cdf", "commit-latency-cdf", "commit-latency-time",
        "throughput", "sequence"), ids(charts));
    assertEveryChartHasData(charts);
    assertTrue(browser.findElements(By.id("faults")).isEmpty());
    screenshot("report-plain.png");
  }

  @Test
  void aComparisonRendersItsOverlays() throws Exception {
    Path a = SyntheticRun.plain(OUT.resolve("compare/async"));
    Path b = SyntheticRun.withIncidents(OUT.resolve("compare/sync"));
    Path out = Files.createDirectories(OUT.resolve("compare/out"));
    CompareWriter.write(CompareWriter.read(List.of(a, b)), out);

    List<Map<String, Object>> charts = open(out.resolve(CompareWriter.HTML));

    assertEquals(List.of("compare-apply-lag", "compare-commit-cdf", "compare-throughput"), ids(charts));
    assertEveryChartHasData(charts);
    screenshot("comparison.png");
  }

  @Test
  void theConsoleCheckSeesAScriptError() throws IOException {
    Path page = OUT.resolve("broken.html");
    Files.writeString(page, "<!DOCTYPE html><html><body><script>console.error('broken on purpose');"
        + " undefinedFunction();</script></body></html>");
    browser.get(page.toAbsolutePath().toUri().toString());

    List<LogEntry> problems = consoleProblems();

    assertEquals(2, problems.size(), "the console.error and the uncaught exception: " + problems);
  }

  /** Loads the page, checks the console stayed quiet, and returns what each chart drew. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> open(Path page) {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(page.toAbsolutePath().toUri().toString());
    List<LogEntry> problems = consoleProblems();
    assertTrue(problems.isEmpty(), "console errors: " + problems);
    return (List<Map<String, Object>>) browser.executeScript(CHART_DATA);
  }

  /** Warnings and errors on the console since the last call: script errors, failed loads. */
  private List<LogEntry> consoleProblems() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
  }

  private static List<String> ids(List<Map<String, Object>> charts) {
    return charts.stream().map(c -> (String) c.get("id")).toList();
  }

  private static void assertEveryChartHasData(List<Map<String, Object>> charts) {
    for (Map<String, Object> c : charts) {
      assertTrue(((Number) c.get("shapes")).intValue() > 10, "chart " + c.get("id") + " has shapes: " + c);
      assertTrue(((Number) c.get("longest")).doubleValue() > 100, "chart " + c.get("id") + " drew a line: " + c);
      assertTrue(((Number) c.get("width")).doubleValue() > 600, "chart " + c.get("id") + " is laid out: " + c);
    }
  }

  /** The whole page, not just the window: the window is grown to the page's height first. */
  private void screenshot(String name) throws IOException {
    Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
    browser.manage().window().setSize(new Dimension(1280, height.intValue()));
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, OUT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
