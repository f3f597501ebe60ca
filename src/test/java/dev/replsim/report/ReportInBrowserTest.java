package dev.replsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;

/**
 * Opens generated pages in headless Chromium, as a reader would: each must render without a
 * console error, each chart must have drawn data, and hovering a message must show it. Saves a
 * full-page screenshot of each under {@code target/browser-test/}. Needs Debian's chromium and
 * chromium-driver ({@code .ci/run} installs them); skipped without them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportInBrowserTest {

  private static final Path OUT = HeadlessChromium.OUT;

  private HeadlessChromium chromium;
  private ChromeDriver browser;

  @BeforeAll
  void startChromium() throws IOException {
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
  void aReportWithFaultsFailoversAndReadsRendersEveryChart() throws Exception {
    Path run = SyntheticRun.withIncidents(OUT.resolve("incidents"));
    Path page = ReportWriter.write(run);

    List<Map<String, Object>> charts = chromium.open(page);

    assertEquals(List.of("apply-lag", "entries-behind", "apply-lag-cdf", "commit-latency-cdf", "commit-latency-time",
        "throughput", "stale-reads", "sequence"), HeadlessChromium.ids(charts));
    HeadlessChromium.assertEveryChartHasData(charts);
    chromium.screenshot("report-incidents.png");
  }

  @Test
  void hoveringAMessageShowsIt() throws Exception {
    Path page = ReportWriter.write(SyntheticRun.withIncidents(OUT.resolve("hover")));
    chromium.open(page);

    WebElement arrow = browser.findElement(By.cssSelector("svg.sequence .msg.t-AppendEntries .hit"));
    new Actions(browser).scrollToElement(arrow).moveToElement(arrow).perform();

    WebElement tip = browser.findElement(By.id("tip"));
    assertTrue(tip.isDisplayed(), "the tooltip shows");
    assertTrue(tip.getText().startsWith("AppendEntries leader → follower-"), tip.getText());
  }

  @Test
  void aPlainRunsReportRendersWithoutTheSectionsItHasNoDataFor() throws Exception {
    Path page = ReportWriter.write(SyntheticRun.plain(OUT.resolve("plain")));

    List<Map<String, Object>> charts = chromium.open(page);

    assertEquals(List.of("apply-lag", "entries-behind", "apply-lag-cdf", "commit-latency-cdf", "commit-latency-time",
        "throughput", "sequence"), HeadlessChromium.ids(charts));
    HeadlessChromium.assertEveryChartHasData(charts);
    assertTrue(browser.findElements(By.id("faults")).isEmpty());
    chromium.screenshot("report-plain.png");
  }

  @Test
  void aComparisonRendersItsOverlays() throws Exception {
    Path a = SyntheticRun.plain(OUT.resolve("compare/async"));
    Path b = SyntheticRun.withIncidents(OUT.resolve("compare/sync"));
    Path out = Files.createDirectories(OUT.resolve("compare/out"));
    CompareWriter.write(CompareWriter.read(List.of(a, b)), out);

    List<Map<String, Object>> charts = chromium.open(out.resolve(CompareWriter.HTML));

    assertEquals(List.of("compare-apply-lag", "compare-commit-cdf", "compare-throughput"), HeadlessChromium.ids(charts));
    HeadlessChromium.assertEveryChartHasData(charts);
    chromium.screenshot("comparison.png");
  }

  @Test
  void theConsoleCheckSeesAScriptError() throws IOException {
    Path page = OUT.resolve("broken.html");
    Files.writeString(page, "<!DOCTYPE html><html><body><script>console.error('broken on purpose');"
        + " undefinedFunction();</script></body></html>");
    browser.get(page.toAbsolutePath().toUri().toString());

    List<LogEntry> problems = chromium.consoleProblems();

    assertEquals(2, problems.size(), "the console.error and the uncaught exception: " + problems);
  }
}
