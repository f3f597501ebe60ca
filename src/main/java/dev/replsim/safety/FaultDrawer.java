package dev.replsim.safety;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws a fault schedule: crashes (restarting on the journal, or with the disk lost), partitions
 * of every shape (one node cut off, a minority, any two or three sides, one way), pauses, broken
 * links and skewed clocks, each undone after a while. Half the schedules strike one fault at a
 * time with time to recover in between (what semi-sync's guarantee assumes); the others overlap
 * faults freely, but never crash more nodes at once than a majority can spare (a node restarted on
 * the memory journal counts as down until well after it restarts, since it does not vote until it
 * has caught up).
 */
final class FaultDrawer {

  /** A schedule, and how long the clients write for it to fit. */
  record Schedule(List<FaultUnit> faults, long durationMs) {}

  private static final long RECOVERY_MS = 2_000;

  private final SplittableRandom r;
  private final List<String> nodes = new ArrayList<>();
  private final List<CrashWindow> crashes = new ArrayList<>();

  /** A crash from its instant until its node has surely recovered; {@code node} is null for a selector. */
  private record CrashWindow(long from, long until, String node) {}
  private final List<FaultUnit> faults = new ArrayList<>();

  private FaultDrawer(SplittableRandom r, int clusterSize) {
    this.r = r;
    nodes.addAll(names(clusterSize));
  }

  /**
   * The nodes' names, the first the leader at t = 0: plain names, since {@code leader} as a fault's
   * target is a selector (the current leader), and a schedule must say which node it means.
   */
  static List<String> names(int clusterSize) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= clusterSize; i++) {
      names.add("n" + i);
    }
    return names;
  }

  static Schedule draw(SplittableRandom r, int clusterSize) {
    return new FaultDrawer(r, clusterSize).draw();
  }

  private Schedule draw() {
    int count = 1 + r.nextInt(6);
    long end;
    if (r.nextBoolean()) {
      long at = 300 + r.nextInt(700);
      for (int i = 0; i < count; i++) {
        long duration = 100 + r.nextInt(1_900);
        unit(at, duration);
        at += duration + RECOVERY_MS + r.nextInt(1_000);
      }
      end = at;
    } else {
      long span = 2_000 + 1_000L * count;
      for (int i = 0; i < count; i++) {
        unit(200 + r.nextLong(span), 100 + r.nextInt(1_900));
      }
      faults.sort((a, b) -> Long.compare(a.atMs(), b.atMs()));
      end = span + 2_500;
    }
    return new Schedule(faults, end);
  }

  private void unit(long at, long duration) {
    int kind = r.nextInt(8);
    if (kind <= 2 && mayCrash(at, duration)) {
      crash(at, duration, kind == 2);
    } else if (kind <= 4) {
      partition(at, duration);
    } else if (kind == 5) {
      String node = target();
      add(at, "pause " + node, "{ at = " + at + "ms, action = pause, node = " + node + ", duration = " + duration + "ms }");
    } else if (kind == 6) {
      link(at, duration);
    } else {
      String node = target();
      long offset = (r.nextBoolean() ? 1 : -1) * (50 + r.nextInt(3_000));
      add(at, "skew " + node + " by " + offset + "ms", "{ at = " + at + "ms, action = skew, node = " + node
          + ", offset = " + offset + "ms, duration = " + duration + "ms }");
    }
  }

  /** Whether a crash at {@code at} leaves a majority with its log, counting every crash still recovering. */
  private boolean mayCrash(long at, long duration) {
    return overlapping(at, at + duration + RECOVERY_MS).size() + 1 <= (nodes.size() - 1) / 2;
  }

  private List<CrashWindow> overlapping(long from, long until) {
    return crashes.stream().filter(c -> c.from() < until && from < c.until()).toList();
  }

  private void crash(long at, long duration, boolean wipe) {
    long until = at + duration + RECOVERY_MS;
    List<String> busy = overlapping(at, until).stream().map(CrashWindow::node).toList();
    List<String> free = nodes.stream().filter(n -> !busy.contains(n)).toList();
    if (!wipe) {
      String node = r.nextBoolean() ? "current-leader" : free.get(r.nextInt(free.size()));
      crashes.add(new CrashWindow(at, until, node.equals("current-leader") ? null : node));
      add(at, "crash " + node + " for " + duration + "ms",
          "{ at = " + at + "ms, action = crash, node = " + node + ", duration = " + duration + "ms }");
      return;
    }
    String node = free.get(r.nextInt(free.size()));
    crashes.add(new CrashWindow(at, until, node));
    add(at, "crash " + node + ", restarted with its disk lost",
        "{ at = " + at + "ms, action = crash, node = " + node + " }",
        "{ at = " + (at + duration) + "ms, action = restart, node = " + node + ", wipe = true }");
  }

  private void partition(long at, long duration) {
    String end = ", duration = " + duration + "ms }";
    int shape = r.nextInt(3);
    if (shape == 0) {
      String node = r.nextBoolean() ? "current-leader" : target();
      add(at, "cut off " + node, "{ at = " + at + "ms, action = partition, isolate = " + node + end);
      return;
    }
    List<String> shuffled = new ArrayList<>(nodes);
    Collections.shuffle(shuffled, new java.util.Random(r.nextLong()));
    int cut = 1 + r.nextInt(shuffled.size() - 1);
    List<String> first = shuffled.subList(0, cut);
    List<String> second = shuffled.subList(cut, shuffled.size());
    String groups;
    if (shape == 2 && second.size() >= 2) {
      groups = "[" + list(first) + ", " + list(second.subList(0, 1)) + ", " + list(second.subList(1, second.size()))
          + "]";
    } else {
      groups = "[" + list(first) + ", " + list(second) + "]";
    }
    boolean oneWay = shape == 1 && r.nextInt(3) == 0;
    add(at, "partition " + groups + (oneWay ? " one way" : ""), "{ at = " + at + "ms, action = partition, groups = "
        + groups + (oneWay ? ", one-way = true" : "") + end);
  }

  private void link(long at, long duration) {
    String from = r.nextInt(3) == 0 ? "\"*\"" : nodes.get(r.nextInt(nodes.size()));
    List<String> others = nodes.stream().filter(n -> !("\"*\"".equals(from) ? "" : from).equals(n)).toList();
    String to = others.get(r.nextInt(others.size()));
    String change = r.nextBoolean() ? "loss = " + (20 + 20 * r.nextInt(5)) + "%"
        : "delay = { distribution = constant, value = " + (50 + r.nextInt(400)) + "ms }";
    boolean bothWays = r.nextBoolean();
    add(at, "link " + from + " -> " + to + ": " + change, "{ at = " + at + "ms, action = link, from = " + from
        + ", to = " + to + ", both-ways = " + bothWays + ", " + change + ", duration = " + duration + "ms }");
  }

  private String target() {
    return r.nextInt(4) == 0 ? "random-follower" : nodes.get(r.nextInt(nodes.size()));
  }

  private static String list(List<String> names) {
    return "[" + String.join(", ", names) + "]";
  }

  private void add(long at, String description, String... objects) {
    faults.add(new FaultUnit(at, description, List.of(objects)));
  }
}
