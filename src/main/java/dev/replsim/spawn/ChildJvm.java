package dev.replsim.spawn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of our own started beside this one, as {@code replsim run --spawn} will start one per node
 * (docs/distributed.md, slice 2): the same {@code java} and class path as this JVM, a main class
 * and its arguments, its output to a log file (or piped, for a test to talk to), and gone with this
 * JVM: closed, it is killed and waited for; if this JVM exits first, a shutdown hook kills it. A
 * SIGKILL of a node's JVM (a crash with {@code kill = process}) is {@link #kill()}.
 */
public final class ChildJvm implements AutoCloseable {

  /** How long {@link #close()} waits for a killed child to be gone. */
  private static final long GONE_SECONDS = 10;

  private final Process process;
  private final Thread reaper;

  private ChildJvm(Process process) {
    this.process = process;
    this.reaper = new Thread(process::destroyForcibly, "replsim-child-reaper-" + process.pid());
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Starts {@code mainClass} with {@code args} in a new JVM with this one's class path and
   * {@code jvmOptions}; its standard output and error go to {@code log} (created or replaced), or
   * stay piped when {@code log} is null.
   */
  public static ChildJvm start(Class<?> mainClass, List<String> jvmOptions, List<String> args, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    if (log != null) {
      if (log.getParent() != null) {
        Files.createDirectories(log.getParent());
      }
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
    }
    return new ChildJvm(builder.start());
  }

  /** The child's process: its pid, and its standard streams when piped. */
  public Process process() {
    return process;
  }

  /** Whether the child still runs. */
  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: the child stops at once, with nothing flushed, as a crashed machine's process does. */
  public void kill() {
    process.destroyForcibly();
  }

  /** Kills the child if it still runs and waits until it is gone; safe to call twice. */
  @Override
  public void close() {
    kill();
    try {
      process.waitFor(GONE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // this JVM is shutting down: the hook runs, or ran, anyway
    }
  }
}
