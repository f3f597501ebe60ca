package dev.replsim.workload;

import dev.replsim.clock.Scheduler;
import java.util.concurrent.CompletableFuture;

/**
 * A client's open-loop processes, its writes and its reads: each arrival's timer is set for the
 * instant the process drew, once the arrival before it was handled, so a late timer delays one
 * arrival and no later one. Completes {@code issued} once neither process has an arrival left
 * (at once when the client has none: a closed loop that does not read at its own rate).
 */
final class OpenLoop {

  private final ArrivalProcess writes;
  private final ArrivalProcess reads;
  private final Scheduler loop;
  private final Runnable writeArrives;
  private final Runnable readArrives;
  private final CompletableFuture<Void> issued;
  private boolean writesLeft;
  private boolean readsLeft;

  /**
   * @param writes the write arrivals, or null for none
   * @param reads the read arrivals, or null for none
   * @param writeArrives run in the client's context at each write arrival
   * @param readArrives run in the client's context at each read arrival
   */
  OpenLoop(ArrivalProcess writes, ArrivalProcess reads, Scheduler loop, Runnable writeArrives, Runnable readArrives,
      CompletableFuture<Void> issued) {
    this.writes = writes;
    this.reads = reads;
    this.loop = loop;
    this.writeArrives = writeArrives;
    this.readArrives = readArrives;
    this.issued = issued;
  }

  /** Sets the first arrival of each process. */
  void begin() {
    writesLeft = writes != null;
    readsLeft = reads != null;
    nextWrite();
    nextRead();
  }

  /** Sets the write arrival after the one just handled, if the process has one. */
  void nextWrite() {
    writesLeft = writesLeft && schedule(writes, writeArrives);
    ended();
  }

  /** Sets the read arrival after the one just handled, if the process has one. */
  void nextRead() {
    readsLeft = readsLeft && schedule(reads, readArrives);
    ended();
  }

  private boolean schedule(ArrivalProcess process, Runnable arrives) {
    long at = process.next();
    if (at == ArrivalProcess.END) {
      return false;
    }
    loop.at(at, () -> {
      if (process.endedBy(at)) { // ended early after this arrival was drawn (a stopped demo): it never comes
        if (process == writes) {
          writesLeft = false;
        } else {
          readsLeft = false;
        }
        ended();
      } else {
        arrives.run();
      }
    });
    return true;
  }

  private void ended() {
    if (!writesLeft && !readsLeft) {
      issued.complete(null);
    }
  }
}
