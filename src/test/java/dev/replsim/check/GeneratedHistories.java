package dev.replsim.check;

import dev.replsim.check.Operation.Kind;
import dev.replsim.check.Operation.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeded histories of a linearizable database, for checking the checkers at scale: clients issue
 * one operation at a time (a few ms each, a write or a read of a random key), each takes effect at
 * a random instant within its interval, and reads return what the register held then. Some
 * writes time out (UNKNOWN): half of those take effect, up to 100 ms later; half never do.
 */
final class GeneratedHistories {

  private GeneratedHistories() {}

  private record Planned(Operation op, long effectMicros, boolean takesEffect) {}

  static History linearizable(long seed, int operations, int clients, int keys) {
    return generate(seed, operations, clients, keys, 0);
  }

  /**
   * The same, but every read is served from a replica up to {@code maxLagMicros} behind (uniform):
   * it returns what the register held that long before the read took effect. So reads invoked at
   * least {@code maxLagMicros} after a write was acknowledged always see it.
   */
  static History laggingReads(long seed, int operations, int clients, int keys, long maxLagMicros) {
    return generate(seed, operations, clients, keys, maxLagMicros);
  }

  private static History generate(long seed, int operations, int clients, int keys, long maxLagMicros) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Planned> planned = new ArrayList<>();
    long[] clientTime = new long[clients];
    for (int id = 1; id <= operations; id++) {
      int c = random.nextInt(clients);
      long invoke = clientTime[c] + random.nextLong(0, 2_000);
      long complete = invoke + random.nextLong(100, 5_000);
      String key = "k" + random.nextInt(keys);
      boolean write = random.nextBoolean();
      boolean timedOut = write && random.nextInt(100) == 0;
      Outcome outcome = timedOut ? Outcome.UNKNOWN : Outcome.OK;
      boolean takesEffect = !timedOut || random.nextBoolean();
      long effect = timedOut ? invoke + random.nextLong(0, 100_000) : random.nextLong(invoke, complete + 1);
      if (timedOut) {
        complete = invoke + 50_000; // the client's timeout
      }
      clientTime[c] = complete;
      Kind kind = write ? Kind.WRITE : Kind.READ;
      String value = write ? "c" + c + "-" + id : null;
      planned.add(new Planned(
          new Operation(id, "c" + c, kind, key, value, invoke, complete, outcome, "leader", 0),
          effect, takesEffect));
    }
    planned.sort(Comparator.comparingLong(Planned::effectMicros));
    Map<String, TreeMap<Long, String>> register = new HashMap<>(); // key -> effect time -> value
    List<Operation> ops = new ArrayList<>();
    long lsn = 0;
    for (Planned p : planned) {
      Operation op = p.op();
      TreeMap<Long, String> versions = register.computeIfAbsent(op.key(), k -> new TreeMap<>());
      if (op.isWrite()) {
        if (p.takesEffect()) {
          versions.put(p.effectMicros(), op.value());
        }
        ops.add(withValueAndLsn(op, op.value(), p.takesEffect() ? ++lsn : 0));
      } else {
        long lag = maxLagMicros == 0 ? 0 : random.nextLong(0, maxLagMicros + 1);
        Map.Entry<Long, String> seen = versions.floorEntry(p.effectMicros() - lag);
        ops.add(withValueAndLsn(op, seen == null ? null : seen.getValue(), 0));
      }
    }
    return History.of(ops);
  }

  /**
   * The same history with one read changed to return a value overwritten before it was invoked
   * (by a write that itself began after the first had been acknowledged), so it is not linearizable.
   */
  static History withStaleRead(History history) {
    for (Operation read : history.okReads()) {
      List<Operation> before = history.onKey(read.key()).stream()
          .filter(w -> w.isWrite() && w.ok() && w.completeMicros() < read.invokeMicros())
          .toList();
      for (Operation older : before) {
        for (Operation newer : before) {
          if (older.completeMicros() < newer.invokeMicros()) {
            List<Operation> ops = new ArrayList<>(history.operations());
            ops.set(ops.indexOf(read), withValueAndLsn(read, older.value(), read.lsn()));
            return History.of(ops);
          }
        }
      }
    }
    throw new IllegalStateException("no read to make stale");
  }

  private static Operation withValueAndLsn(Operation op, String value, long lsn) {
    return new Operation(op.id(), op.client(), op.kind(), op.key(), value, op.invokeMicros(),
        op.completeMicros(), op.outcome(), op.node(), lsn);
  }
}
