package dev.replsim.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.report.HeadlessChromium;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard's panel of messages on their way, in headless Chromium: at 0.05× (a 20–40 ms link
 * takes about half a second of wall time) it draws dots moving along the links, its slow-motion
 * button takes the run to 0.02× and back, and the page logs no console errors. Skipped without
 * Chromium.
 */
class FlightsInBrowserTest {

  @Test
  void atALowSpeedThePanelDrawsTheMessagesMovingAndSlowMotionGoesToTwoHundredthsAndBack() throws Exception {
    DemoRuns run = DemoRuns.start(0.05);
    try (HeadlessChromium chromium = HeadlessChromium.start();
        DashboardServer server = DashboardServer.start(run.demo, "127.0.0.1", 0)) {
      ChromeDriver browser = chromium.driver();
      browser.get(server.url("127.0.0.1"));

      waitFor(browser, Duration.ofSeconds(20), b -> flights(b) > 0, "dots drawn");
      String t0 = simMs(browser);
      waitFor(browser, Duration.ofSeconds(5), b -> !simMs(b).equals(t0), "the panel's time moving");
      assertTrue(chromium.consoleProblems().isEmpty(), "console errors: " + chromium.consoleProblems());
      browser.executeScript("document.getElementById('flights').scrollIntoView()");
      chromium.screenshot("dashboard-flights.png");

      browser.findElement(By.id("slow-motion")).click();
      waitFor(browser, Duration.ofSeconds(5), b -> "0.02".equals(b.findElement(By.id("speed")).getText()),
          "the speed at 0.02");
      assertEquals("true", browser.findElement(By.id("slow-motion")).getDomAttribute("aria-pressed"));
      browser.findElement(By.id("slow-motion")).click();
      waitFor(browser, Duration.ofSeconds(5), b -> "0.05".equals(b.findElement(By.id("speed")).getText()),
          "the speed back at 0.05");
      assertTrue(chromium.consoleProblems().isEmpty(), "console errors: " + chromium.consoleProblems());
    } finally {
      run.stop();
    }
  }

  private static int flights(ChromeDriver b) {
    return Integer.parseInt(b.findElement(By.id("flights")).getDomAttribute("data-flights"));
  }

  private static String simMs(ChromeDriver b) {
    return b.findElement(By.id("flights")).getDomAttribute("data-sim-ms");
  }

  private static void waitFor(ChromeDriver browser, Duration d, Predicate<ChromeDriver> condition, String what) {
    PageWait.until(browser, d, condition, what, () -> "flights " + flights(browser) + ", sim ms " + simMs(browser));
  }
}
