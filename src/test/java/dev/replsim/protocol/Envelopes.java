package dev.replsim.protocol;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * Predicates that pick messages for the harness's network rules, composable with {@code and}:
 * {@code dropWhen(nth(3, ofType(AppendEntries.class).and(to("follower-1"))))}.
 */
final class Envelopes {

  private Envelopes() {}

  static Predicate<Envelope> ofType(Class<? extends Message> type) {
    return e -> type.isInstance(e.message());
  }

  static Predicate<Envelope> to(String node) {
    return e -> e.to().equals(node);
  }

  static Predicate<Envelope> from(String node) {
    return e -> e.from().equals(node);
  }

  /**
   * Only the {@code n}-th message (from 1) that {@code p} matches. It counts the messages it is
   * asked about, so put it in the first rule that can match them.
   */
  static Predicate<Envelope> nth(int n, Predicate<Envelope> p) {
    AtomicInteger seen = new AtomicInteger();
    return e -> p.test(e) && seen.incrementAndGet() == n;
  }

  /** Each message with probability {@code probability}, drawn from a seeded stream. */
  static Predicate<Envelope> withProbability(double probability, DoubleSupplier uniform) {
    return e -> uniform.getAsDouble() < probability;
  }
}
