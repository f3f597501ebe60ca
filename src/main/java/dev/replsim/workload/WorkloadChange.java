package dev.replsim.workload;

/**
 * A change to how a run's clients issue operations, made mid-run by a {@code rate} or
 * {@code clients} fault: every client takes it at the instant the fault was due, whenever its
 * message reaches the client, so arrivals chain from that instant (see {@link ArrivalProcess}).
 */
public sealed interface WorkloadChange {

  /** The instant it takes effect, on the run clock: when the fault was due. */
  long atMicros();

  /**
   * Each client's rates from {@code atMicros} on, in operations per second (its share of the total),
   * or null where unchanged. A client without that process (a closed loop, no reads) ignores it.
   */
  record Rates(long atMicros, Double writesPerSec, Double readsPerSec) implements WorkloadChange {}

  /**
   * The clients stop issuing new writes and reads ({@code running = false}; what is in flight still
   * ends), or start again.
   */
  record Issuing(long atMicros, boolean running) implements WorkloadChange {}
}
