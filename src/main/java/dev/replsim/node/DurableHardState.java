package dev.replsim.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link HardState} of nodes in a JVM of their own, on this host's disk: one small file per node,
 * {@code <dir>/<node>/hardstate} ({@code term candidate}), written to a temporary file, forced to
 * the disk, renamed over the old one and the directory forced, all before the vote leaves. So a vote
 * survives a SIGKILL at any instant: the file holds the old vote or the new one, never half of one.
 * A few milliseconds per vote on a disk that honours fsync; votes are rare.
 */
public final class DurableHardState implements HardState {

  private static final String FILE = "hardstate";

  private final Path dir;
  private final Map<String, Vote> votes = new ConcurrentHashMap<>();

  /** The hard state kept under {@code dir}, one directory per node (created when it first votes). */
  public DurableHardState(Path dir) {
    this.dir = dir;
  }

  @Override
  public synchronized void save(String node, long term, String candidate) {
    Vote now = new Vote(term, candidate);
    Vote kept = read(node);
    if (!HardState.replaces(now, kept) || now.equals(kept)) {
      return;
    }
    Path nodeDir = dir.resolve(node);
    try {
      Files.createDirectories(nodeDir);
      Path temp = nodeDir.resolve(FILE + ".tmp");
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(ByteBuffer.wrap((term + " " + candidate + "\n").getBytes(StandardCharsets.UTF_8)));
        out.force(true);
      }
      Files.move(temp, nodeDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(nodeDir);
    } catch (IOException e) {
      // a node that cannot keep its vote must not cast it: stop the node, as a database stops on a failed fsync
      throw new UncheckedIOException("cannot keep " + node + "'s vote in " + nodeDir, e);
    }
    votes.put(node, now);
  }

  @Override
  public Vote of(String node, String initialLeader) {
    Vote kept = read(node);
    return kept == null ? Vote.initial(initialLeader) : kept;
  }

  /** The node's vote on the disk (read once, then kept in memory), or null before its first. */
  private Vote read(String node) {
    Vote cached = votes.get(node);
    if (cached != null) {
      return cached;
    }
    Path file = dir.resolve(node).resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      String[] fields = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ", 2);
      Vote vote = new Vote(Long.parseLong(fields[0]), fields[1]);
      votes.put(node, vote);
      return vote;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(file + " is not a node's hard state (term candidate): " + e.getMessage(), e);
    }
  }

  /** Makes the rename itself durable: on Linux a directory's entries reach the disk when it is forced. */
  private static void forceDirectory(Path directory) {
    try (FileChannel d = FileChannel.open(directory, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // some file systems cannot open a directory for reading; the rename is then as durable as they make it
    }
  }
}
