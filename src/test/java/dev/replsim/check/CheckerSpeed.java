package dev.replsim.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Measures the checkers on generated histories, for docs/benchmarks.md (not a test: timings are
 * never asserted). After {@code mvn -B test-compile}:
 * {@code java -cp target/classes:target/test-classes dev.replsim.check.CheckerSpeed}.
 */
public final class CheckerSpeed {

  private static final Map<String, List<Double>> TIMES = new LinkedHashMap<>();

  private CheckerSpeed() {}

  public static void main(String[] args) {
    for (int round = 0; round < 12; round++) {
      History spread = GeneratedHistories.linearizable(43 + round, 10_000, 16, 20);
      History hot = GeneratedHistories.linearizable(143 + round, 10_000, 64, 1);
      History stale = GeneratedHistories.withStaleRead(hot);
      History lagging = GeneratedHistories.laggingReads(243 + round, 10_000, 16, 20, 20_000);
      time("10k ops, 16 clients, 20 keys, reads up to 20 ms behind: all read checkers",
          () -> ReadAnomalies.check(lagging));
      time("10k ops, 16 clients, 20 keys, reads up to 20 ms behind: linearizability (fails)",
          () -> Linearizability.check(lagging));
      time("10k ops, 16 clients, 20 keys: all read checkers", () -> ReadAnomalies.check(spread));
      time("10k ops, 16 clients, 20 keys: consistent prefix alone", () -> ConsistentPrefix.check(spread, 20));
      time("10k ops, 16 clients, 20 keys: linearizability", () -> Linearizability.check(spread));
      time("10k ops, 64 clients, 1 key: linearizability", () -> Linearizability.check(hot));
      time("10k ops, 64 clients, 1 key, a stale read: linearizability + shrinking",
          () -> Linearizability.check(stale));
    }
    History big = GeneratedHistories.linearizable(7, 100_000, 16, 1000);
    for (int round = 0; round < 4; round++) {
      time("100k ops, 16 clients, 1000 keys: all read checkers", () -> ReadAnomalies.check(big));
      time("100k ops, 16 clients, 1000 keys: linearizability", () -> Linearizability.check(big));
    }
    TIMES.forEach((name, ms) -> {
      List<Double> sorted = new ArrayList<>(ms);
      Collections.sort(sorted);
      System.out.printf("%-72s first %7.1f  min %7.1f  median %7.1f ms%n",
          name, ms.get(0), sorted.get(0), sorted.get(sorted.size() / 2));
    });
  }

  private static void time(String name, Supplier<?> work) {
    long start = System.nanoTime();
    work.get();
    TIMES.computeIfAbsent(name, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
  }
}
