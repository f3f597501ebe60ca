package dev.replsim.fault;

/**
 * A fault at an instant of the run, with an optional duration after which it undoes itself (a
 * crashed node restarts, a partition heals, a changed link or clock goes back).
 *
 * @param id unique in the run ({@code f1}, {@code f2}, ... or the name a scenario gave it); a
 *     {@code heal} names a partition by it
 * @param atMicros microseconds after the writes start
 * @param durationMicros how long until it undoes itself, or 0 for never (a pause needs one)
 */
public record ScheduledFault(String id, long atMicros, Fault fault, long durationMicros) {

  public boolean undoes() {
    return durationMicros > 0;
  }

  public long untilMicros() {
    return undoes() ? atMicros + durationMicros : Long.MAX_VALUE;
  }

  /** What the fault does, for progress lines and events, e.g. {@code partition p1}. */
  public String describe() {
    return fault.action() + " " + id;
  }
}
