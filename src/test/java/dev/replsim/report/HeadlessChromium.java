package dev.replsim.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Selenium, for the tests that open generated pages as a
 * reader would: {@link #start} skips the calling test class when {@code chromium} and
 * {@code chromium-driver} are not installed ({@code .ci/run} installs them); {@link #open} loads a
 * page, checks its console stayed quiet and returns what each chart drew.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Where screenshots go. */
  public static final Path OUT = Path.of("target", "browser-test");

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

  /** Selenium warns that it has no DevTools bindings for this Chromium; the tests use none. */
  private static final java.util.logging.Logger CDP_WARNINGS =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private final ChromeDriver browser;

  private HeadlessChromium(ChromeDriver browser) {
    this.browser = browser;
  }

  /** Starts Chromium, or skips the test when it is not installed. */
  public static HeadlessChromium start() throws IOException {
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
    return new HeadlessChromium(new ChromeDriver(service, options));
  }

  /** The browser, for what a test does beyond opening pages. */
  public ChromeDriver driver() {
    return browser;
  }

  /** Loads the page, checks the console stayed quiet, and returns what each chart drew. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> open(Path page) {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(page.toAbsolutePath().toUri().toString());
    List<LogEntry> problems = consoleProblems();
    assertTrue(problems.isEmpty(), "console errors: " + problems);
    return (List<Map<String, Object>>) browser.executeScript(CHART_DATA);
  }

  /** Warnings and errors on the console since the last call: script errors, failed loads. */
  public List<LogEntry> consoleProblems() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
  }

  /** The charts' ids, in page order. */
  public static List<String> ids(List<Map<String, Object>> charts) {
    return charts.stream().map(c -> (String) c.get("id")).toList();
  }

  /** Every chart has shapes, drew a line and is laid out across the page. */
  public static void assertEveryChartHasData(List<Map<String, Object>> charts) {
    for (Map<String, Object> c : charts) {
      assertTrue(((Number) c.get("shapes")).intValue() > 10, "chart " + c.get("id") + " has shapes: " + c);
      assertTrue(((Number) c.get("longest")).doubleValue() > 100, "chart " + c.get("id") + " drew a line: " + c);
      assertTrue(((Number) c.get("width")).doubleValue() > 600, "chart " + c.get("id") + " is laid out: " + c);
    }
  }

  /** The whole page, not just the window, into {@link #OUT}: the window is grown to the page's height first. */
  public void screenshot(String name) throws IOException {
    Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
    browser.manage().window().setSize(new Dimension(1280, height.intValue()));
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, OUT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    browser.quit();
  }
}
