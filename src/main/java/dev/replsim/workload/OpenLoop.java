package dev.replsim.workload;

import dev.replsim.clock.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A client's open-loop processes, its writes and its reads: each arrival's timer is set for the
 * instant the process drew, once the arrival before it was handled, so a late timer delays one
 * arrival and no later one. A change of rate, a stop or a start sets the timer of the arrival due
 * next again. Completes {@code issued} once neither process has an arrival due (at once when the
 * client has none: a closed loop that does not read at its own rate); a stopped process has none,
 * and once the run's end has passed it never has one again.
 */
final class OpenLoop {

  /** One process and the timer of its arrival due next. */
  private final class Arrivals {
    final ArrivalProcess process;
    final Runnable arrives;
    Scheduler.Timer timer;
    /** Counts the timers set, so that one cancelled too late (already in the client's mailbox) does nothing. */
    long armed;

    Arrivals(ArrivalProcess process, Runnable arrives) {
      this.process = process;
      this.arrives = arrives;
    }

    /** Sets the timer for {@code at}, or none when the process has no arrival due. */
    void arm(long at) {
      long token = ++armed;
      timer = at == ArrivalProcess.END || at == ArrivalProcess.IDLE ? null : loop.at(at, () -> arrived(token, at));
    }

    private void arrived(long token, long at) {
      if (token != armed) {
        return; // set before a change, and run although cancelled
      }
      timer = null;
      if (process.endedBy(at)) { // drawn before the end moved earlier (a stopped demo): it never comes
        ended();
        return;
      }
      arrives.run();
      arm(process.next());
      ended();
    }

    /** Changes the process at once (its timer is set again for the arrival due next, once begun). */
    void change(Consumer<ArrivalProcess> change) {
      if (timer != null) {
        timer.cancel();
        timer = null;
      }
      armed++;
      change.accept(process);
      if (begun) {
        arm(process.due());
        ended();
      }
    }
  }

  private final Arrivals writes;
  private final Arrivals reads;
  private final Scheduler loop;
  private final CompletableFuture<Void> issued;
  private boolean begun;

  /**
   * @param writes the write arrivals, or null for none
   * @param reads the read arrivals, or null for none
   * @param writeArrives run in the client's context at each write arrival
   * @param readArrives run in the client's context at each read arrival
   */
  OpenLoop(ArrivalProcess writes, ArrivalProcess reads, Scheduler loop, Runnable writeArrives, Runnable readArrives,
      CompletableFuture<Void> issued) {
    this.writes = writes == null ? null : new Arrivals(writes, writeArrives);
    this.reads = reads == null ? null : new Arrivals(reads, readArrives);
    this.loop = loop;
    this.issued = issued;
  }

  /** Sets the first arrival of each process. */
  void begin() {
    begun = true;
    if (writes != null) {
      writes.arm(writes.process.next());
    }
    if (reads != null) {
      reads.arm(reads.process.next());
    }
    ended();
  }

  /** Changes the write process, if the client has one; see {@link ArrivalProcess#changeRate}. */
  void changeWrites(Consumer<ArrivalProcess> change) {
    if (writes != null) {
      writes.change(change);
    }
  }

  /** Changes the read process, if the client has one. */
  void changeReads(Consumer<ArrivalProcess> change) {
    if (reads != null) {
      reads.change(change);
    }
  }

  private void ended() {
    if ((writes == null || writes.timer == null) && (reads == null || reads.timer == null)) {
      issued.complete(null);
    }
  }
}
