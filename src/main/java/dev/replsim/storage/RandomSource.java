package dev.replsim.storage;

/**
 * A node's own seeded random stream, from which {@code RAND()} and {@code UUID()} draw. Each node
 * has its own (derived from the scenario seed and the node's name), never a shared or static
 * {@code Random}, so a run is reproducible and two nodes draw different values, as real servers do.
 */
@FunctionalInterface
public interface RandomSource {

  /** The next 64 random bits. */
  long nextLong();

  /** A source for databases that never evaluate RAND() or UUID(): it refuses to be drawn from. */
  RandomSource NONE = () -> {
    throw new IllegalStateException("this database was given no random stream for RAND() or UUID()");
  };
}
