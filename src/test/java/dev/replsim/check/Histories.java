package dev.replsim.check;

import dev.replsim.check.Operation.Kind;
import dev.replsim.check.Operation.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written histories for the checkers' tests, in milliseconds:
 * {@code history(write("c1", "a", "A").at(0, 10).lsn(1), read("c2", "a", "A").at(20, 21))}.
 * Operations get ids in the order written; reads are OK and served by {@code follower-1} unless
 * said otherwise.
 */
final class Histories {

  private Histories() {}

  /** An operation being described. */
  static final class Op {
    private final String client;
    private final Kind kind;
    private final String key;
    private final String value;
    private double invokeMs;
    private double completeMs;
    private Outcome outcome = Outcome.OK;
    private String node;
    private long lsn;

    private Op(String client, Kind kind, String key, String value) {
      this.client = client;
      this.kind = kind;
      this.key = key;
      this.value = value;
      this.node = kind == Kind.READ ? "follower-1" : "leader";
    }

    /** Invoked at {@code invokeMs}, answered (or given up on) at {@code completeMs}. */
    Op at(double invokeMs, double completeMs) {
      this.invokeMs = invokeMs;
      this.completeMs = completeMs;
      return this;
    }

    /** A write committed at this LSN. */
    Op lsn(long lsn) {
      this.lsn = lsn;
      return this;
    }

    Op unknown() {
      this.outcome = Outcome.UNKNOWN;
      return this;
    }

    Op failed() {
      this.outcome = Outcome.FAILED;
      return this;
    }

    Op on(String node) {
      this.node = node;
      return this;
    }

    Operation build(long id) {
      return new Operation(id, client, kind, key, value, micros(invokeMs), micros(completeMs),
          outcome, node, lsn);
    }
  }

  static Op write(String client, String key, String value) {
    return new Op(client, Kind.WRITE, key, value);
  }

  /** A read that returned {@code value} (null: the key was absent). */
  static Op read(String client, String key, String value) {
    return new Op(client, Kind.READ, key, value);
  }

  static History history(Op... ops) {
    List<Operation> operations = new ArrayList<>();
    for (int i = 0; i < ops.length; i++) {
      operations.add(ops[i].build(i + 1));
    }
    return History.of(operations);
  }

  static long micros(double ms) {
    return Math.round(ms * 1000);
  }
}
