package dev.replsim.workload;

import dev.replsim.clock.Clock;
import dev.replsim.clock.Scheduler;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClientReplies;
import dev.replsim.protocol.LogPosition;
import dev.replsim.storage.Statement;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One client writing through the leader, like an application server in front of its database;
 * each write is a statement from the workload's mix. At a set rate it writes at the instants of
 * its {@link ArrivalProcess} (open loop: it does not wait for answers), every one of them before
 * the run's end however late its timer, and none after; at an unlimited rate it keeps a fixed
 * number of writes outstanding (closed loop). Its commit latency runs from sending a write to
 * hearing it committed; a write not answered within the write timeout (its leader crashed, a sync
 * follower is gone) counts as failed. It also reads, at its own rate and in read-after-write
 * probes, straight from the nodes its session and routing pick ({@link ClientReads}), and records
 * what each operation did in its history, when the run keeps one.
 *
 * <p>It holds no Pekko and no thread: the live {@link Client} actor and the virtual driver hand it
 * its inputs one at a time, and its timers run through a {@link Scheduler} that brings them back
 * into the client's context.
 */
public final class ClientProcess {

  /** How often timed-out writes are looked for; timeouts are seconds, so this is fine enough. */
  static final long EXPIRY_CHECK_MICROS = 100_000;

  private final ClientPlan plan;
  private final Scheduler context;
  private final Clock clock;
  private final ClientReads reads;
  private final LeaderFinder finder;
  private final ClientWrites writes;
  private final OpenLoop openLoop;
  private boolean finished;

  /**
   * @param running the nodes running when the client starts, the leader among them
   * @param context runs the client's timers in its context
   * @param replies where the nodes answer this client; its answers come back through {@link
   *     #writeReplied} and {@link #readReplied}
   * @param arrivalsIssued completed once the client has issued the last write and read its arrival
   *     processes draw (at once in a closed loop), so the run can wait for every one of them
   */
  public ClientProcess(ClientPlan plan, Set<String> running, Scheduler context, NodeAccess access,
      ClientReplies.Recipient replies, Recorder recorder, CompletableFuture<Void> arrivalsIssued) {
    this.plan = plan;
    this.context = context;
    this.clock = context.clock();
    this.openLoop = new OpenLoop(plan.arrivals(), plan.reads() == null ? null : plan.reads().arrivals(), context,
        () -> writes().write(), this::readArrive, arrivalsIssued);
    this.finder = new LeaderFinder(plan.leader(), running, plan.failover());
    this.writes = new ClientWrites(plan, clock, recorder, replies, access, finder,
        (at, id) -> context.at(at, () -> writes().resend(id)));
    ClientPlan.ReadPlan r = plan.reads();
    this.reads = r == null ? null : new ClientReads(r.router(), r.session(), r.sessionTimeoutMicros(), clock,
        recorder.reads(), plan.history(), replies, access, running);
    if (reads != null) {
      finder.onLearnt(reads::leaderIs);
    }
  }

  private ClientWrites writes() {
    return writes;
  }

  /** Starts writing (and reading), and looking for writes that timed out. */
  public void begin() {
    if (plan.closedLoop() && writes.issuing()) {
      for (int i = 0; i < plan.maxOutstanding(); i++) {
        writes.write(); // each fails at once if no leader is up
      }
    }
    openLoop.begin();
    expireAt(clock.nowMicros() + EXPIRY_CHECK_MICROS);
  }

  private void readArrive() {
    reads.read(plan.reads().keys().next(), false);
  }

  /**
   * The workload changes mid-run: new rates for the arrival processes it has, or a stop (no new
   * writes, reads or probes; answers to outstanding ones still count) or a start.
   */
  public void change(WorkloadChange change) {
    long at = change.atMicros();
    if (finished) {
      return;
    }
    if (change instanceof WorkloadChange.Rates r) {
      if (r.writesPerSec() != null) {
        openLoop.changeWrites(p -> p.changeRate(r.writesPerSec(), at));
      }
      if (r.readsPerSec() != null) {
        openLoop.changeReads(p -> p.changeRate(r.readsPerSec(), at));
      }
    } else if (((WorkloadChange.Issuing) change).running()) {
      openLoop.changeWrites(p -> p.start(at));
      openLoop.changeReads(p -> p.start(at));
      writes.start(); // a closed loop fills up again
    } else {
      openLoop.changeWrites(p -> p.stop(at));
      openLoop.changeReads(p -> p.stop(at));
      writes.stop();
    }
  }

  /** A node answered a write: committed, or redirected elsewhere. */
  public void writeReplied(ClientReplies.WriteReply reply) {
    if (reply instanceof ClientReplies.WriteRedirected) {
      writes.redirected((ClientReplies.WriteRedirected) reply);
      return;
    }
    ClientReplies.WriteCommitted committed = (ClientReplies.WriteCommitted) reply;
    Statement statement = writes.committed(committed);
    if (statement != null && reads != null) {
      reads.wrote(new LogPosition(committed.term(), committed.lsn()));
      long delay = plan.reads().probeDelayMicros();
      if (delay >= 0 && writes.issuing() && statement instanceof Statement.Assign) {
        String key = ((Statement.Assign) statement).key();
        context.at(clock.nowMicros() + delay, () -> probe(key));
      }
    }
  }

  private void probe(String key) {
    if (writes.issuing()) {
      reads.read(key, true);
    }
  }

  /** A node answered a read. */
  public void readReplied(ClientReplies.ReadResult result) {
    reads.answered(result);
  }

  /** Ends the writes and reads that waited longer than the write timeout, and looks again later. */
  private void expireAt(long dueMicros) {
    context.at(dueMicros, () -> {
      if (finished) {
        return;
      }
      long cutoff = clock.nowMicros() - plan.writeTimeoutMicros();
      if (reads != null) {
        reads.expireSentBefore(cutoff);
      }
      writes.giveUp(cutoff);
      expireAt(dueMicros + EXPIRY_CHECK_MICROS);
    });
  }

  /** From now on, writes go to {@code node} (it restarted and leads again, or another node leads). */
  public void leaderIs(String node) {
    finder.up(node, true);
    if (reads != null) {
      reads.nodeUp(node);
    }
    writes.fill();
  }

  /**
   * The leader's process is gone (its connection dropped): writes waiting for it fail at once, and
   * so do new ones until a leader is back, as a real client's would with "connection refused".
   */
  public void leaderDown() {
    String node = finder.leader() != null ? finder.leader() : plan.leader();
    finder.down(node);
    writes.giveUp(Long.MAX_VALUE); // sent before the crash: they may have reached followers
    if (reads != null) {
      reads.nodeDown(node);
    }
    writes.fill(); // with failover, to the next guess
  }

  /** A follower runs again (restarted): reads may go to it again. */
  public void followerIs(String node) {
    finder.up(node, false);
    if (reads != null) {
      reads.nodeUp(node);
    }
    writes.fill();
  }

  /** A follower's process is gone: reads waiting for it fail, and no read goes there. */
  public void followerDown(String node) {
    finder.down(node);
    if (reads != null) {
      reads.nodeDown(node);
    }
  }

  /**
   * The run's writes are over: a closed loop stops issuing writes, and read-after-write probes
   * stop (open-loop arrivals end by themselves at the run's end); answers to outstanding ones are
   * still recorded.
   */
  public void halt() {
    writes.halt();
  }

  /** The run is over: what is still unanswered ends as unknown in the history, which is then closed. */
  public void finish() {
    finished = true;
    writes.halt();
    writes.giveUp(Long.MAX_VALUE);
    if (reads != null) {
      reads.finish();
    }
    if (plan.history() != null) {
      plan.history().close();
    }
  }
}
