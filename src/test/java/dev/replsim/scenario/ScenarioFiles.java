package dev.replsim.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes scenario files into a test's temporary directory and loads them. */
final class ScenarioFiles {

  private final Path dir;

  ScenarioFiles(Path dir) {
    this.dir = dir;
  }

  /** Writes {@code lines} to {@code name}; line 1 of the file is {@code lines[0]}. */
  Path write(String name, String... lines) {
    Path file = dir.resolve(name);
    try {
      Files.writeString(file, String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Loads {@code file} and returns the message of the ScenarioException it must throw. */
  static String error(Path file, SettingOverride... overrides) {
    return assertThrows(
            ScenarioException.class, () -> ScenarioLoader.load(file, List.of(overrides)))
        .getMessage();
  }

  /**
   * Writes a scenario whose line 2 is {@code faults = [ fault ]} (line 1: {@code first}) and
   * asserts that loading it fails naming that line and saying {@code expected}.
   */
  void assertFaultRefused(String first, String fault, String expected) {
    Path file = write("bad.conf", first, "faults = [ " + fault + " ]");
    String message = error(file);
    assertTrue(message.startsWith(file + ":2: "), message);
    assertTrue(message.contains(expected), message);
  }

  static SettingOverride set(String text) {
    return new SettingOverride("--set", text);
  }
}
