package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code replsim} launcher picks the serial collector for a virtual run, and leaves a live run
 * and a user's own collector alone. It runs a copy of the script beside a built jar, with a stand-in
 * {@code java} that prints what it was given.
 */
class LauncherTest {

  @TempDir Path dir;

  @BeforeEach
  void copyTheLauncher() throws IOException {
    Files.copy(Path.of("replsim"), dir.resolve("replsim"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(dir.resolve("target"));
    Files.writeString(dir.resolve("target/replsim.jar"), ""); // built: no sources beside it are newer
    Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
    Files.writeString(java, String.join("\n", "#!/usr/bin/env bash",
        "if [[ \"$1\" == -version ]]; then echo 'openjdk version \"17.0.15\"' >&2; exit 0; fi",
        "echo \"$@\"", ""));
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private String launch(String javaOpts, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", dir.resolve("replsim").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
    pb.environment().put("JAVA_OPTS", javaOpts);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void aVirtualRunGetsTheSerialCollector() throws Exception {
    assertTrue(launch("", "run", "x.conf", "--time", "virtual").contains("-XX:+UseSerialGC"));
    assertTrue(launch("", "run", "x.conf", "--time=virtual").contains("-XX:+UseSerialGC"));
    assertTrue(launch("", "run", "x.conf", "--set", "simulation.time=virtual").contains("-XX:+UseSerialGC"));
    assertTrue(launch("", "check-safety", "--runs", "10").contains("-XX:+UseSerialGC"), "every safety run is virtual");
    assertTrue(launch("", "sweep", "x.conf", "--vary", "a=1,2").contains("-XX:+UseSerialGC"), "sweeps are virtual");
  }

  @Test
  void aLiveRunAndAUsersOwnCollectorAreLeftAlone() throws Exception {
    assertFalse(launch("", "run", "x.conf").contains("UseSerialGC"));
    assertFalse(launch("", "run", "x.conf", "--time", "live").contains("UseSerialGC"));
    assertFalse(launch("", "sweep", "x.conf", "--time", "live").contains("UseSerialGC"));
    String own = launch("-XX:+UseParallelGC", "run", "x.conf", "--time", "virtual");
    assertTrue(own.contains("-XX:+UseParallelGC") && !own.contains("UseSerialGC"), own);
  }
}
