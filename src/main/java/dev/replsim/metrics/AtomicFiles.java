package dev.replsim.metrics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a temporary name and renames it into place, so a crash or a full disk never
 * leaves a half-written file under a name that readers take for a finished result.
 */
public final class AtomicFiles {

  /** Writes the contents of a file to the writer it is given. */
  @FunctionalInterface
  public interface Contents {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code target} (UTF-8) from {@code contents}, replacing a file of that name if any. */
  public static void write(Path target, Contents contents) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        contents.writeTo(out);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Some file systems cannot rename atomically; a plain replace still never exposes a partial file
      // for long, and the temp name keeps the half-written state out of sight until then.
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
