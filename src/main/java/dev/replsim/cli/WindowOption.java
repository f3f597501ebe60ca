package dev.replsim.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.replsim.report.SequenceWindow;
import java.time.Duration;
import java.util.Optional;

/** Reads {@code --window FROM..TO} (durations as scenarios write them: {@code 9.5s..11.5s}). */
final class WindowOption {

  private WindowOption() {}

  /**
   * The window, or empty if none was given.
   *
   * @throws IllegalArgumentException with what is wrong and what is allowed
   */
  static Optional<SequenceWindow> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] ends = text.split("\\.\\.", -1);
    if (ends.length != 2) {
      throw new IllegalArgumentException("expected FROM..TO, e.g. 9.5s..11.5s");
    }
    double from = ms(ends[0]);
    double to = ms(ends[1]);
    if (to <= from) {
      throw new IllegalArgumentException("the window must end after it starts, e.g. 9.5s..11.5s");
    }
    return Optional.of(SequenceWindow.chosen(from, to));
  }

  private static double ms(String duration) {
    String text = duration.strip();
    if (text.isEmpty() || !text.matches("[0-9.]+\\s*[a-z]+")) {
      throw new IllegalArgumentException("'" + duration + "' is not a duration with a unit, e.g. 9.5s or 9500ms");
    }
    try {
      Duration d = ConfigFactory.parseString("d = " + text).getDuration("d");
      return d.toNanos() / 1e6;
    } catch (ConfigException e) {
      throw new IllegalArgumentException("'" + duration + "' is not a duration with a unit, e.g. 9.5s or 9500ms", e);
    }
  }
}
