package dev.replsim.dashboard;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Polls a page until a condition holds (selenium-support's WebDriverWait is not on the classpath),
 * and says what the page showed when it does not.
 */
final class PageWait {

  private PageWait() {}

  /**
   * Waits up to {@code d} for {@code condition}; a condition that throws (an element between two
   * renders, a number not there yet) counts as not yet.
   *
   * @param showing what the page showed, for the message when it never gets there
   */
  static void until(ChromeDriver browser, Duration d, Predicate<ChromeDriver> condition, String what,
      Supplier<String> showing) {
    long deadline = System.nanoTime() + d.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.test(browser)) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      LockSupport.parkNanos(50_000_000);
    }
    throw new AssertionError("the page did not get there within " + d + ": " + what + " (" + showing.get() + ")",
        last);
  }
}
