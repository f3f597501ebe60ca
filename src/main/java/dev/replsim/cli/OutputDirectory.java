package dev.replsim.cli;

import dev.replsim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a run writes its results, and whether it may: checked before the run starts, so a long run
 * is never wasted on a directory that would be refused afterwards.
 */
final class OutputDirectory {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private OutputDirectory() {}

  /**
   * {@code --out} if given, else the scenario's {@code output.dir} if set, else
   * {@code results/<simulation.name>-<yyyyMMdd-HHmmss>}; relative paths are relative to the working
   * directory.
   */
  static Path choose(Path out, Scenario scenario, Clock clock) {
    if (out != null) {
      return out;
    }
    String dir = scenario.output().dir();
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    return stamped(scenario.simulation().name(), clock);
  }

  /** {@code --out} if given, else {@code results/<name>-<yyyyMMdd-HHmmss>}: for results of no one scenario. */
  static Path choose(Path out, String name, Clock clock) {
    return out != null ? out : stamped(name, clock);
  }

  private static Path stamped(String name, Clock clock) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-");
    return Path.of("results", safe + "-" + STAMP.format(LocalDateTime.now(clock)));
  }

  /** Why results may not be written to {@code dir}, or empty if they may. */
  static Optional<String> refusal(Path dir, boolean force) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      return Optional.of("output path " + dir + " exists and is not a directory");
    }
    if (Files.isDirectory(dir)) {
      if (!force && !isEmpty(dir)) {
        return Optional.of("output directory " + dir + " is not empty; use --force to write into it anyway"
            + " (replsim replaces only its own result files there and keeps everything else)");
      }
      return Files.isWritable(dir)
          ? Optional.empty()
          : Optional.of("output directory " + dir + " is not writable");
    }
    Path existing = dir.toAbsolutePath().getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      return Optional.of("cannot create output directory " + dir + ": "
          + (existing == null ? "no existing parent" : existing + " is not a writable directory"));
    }
    return Optional.empty();
  }

  static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
