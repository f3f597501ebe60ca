package dev.replsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.check.History;
import dev.replsim.check.Operation;
import dev.replsim.check.Operation.Kind;
import dev.replsim.check.Operation.Outcome;
import dev.replsim.clock.RunLoop;
import dev.replsim.clock.RunClock;
import dev.replsim.metrics.ClientHistory;
import dev.replsim.metrics.HistoryRecorder;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClientReplies;
import dev.replsim.node.ReplicaNode;
import dev.replsim.protocol.LogPosition;
import dev.replsim.protocol.Read;
import dev.replsim.random.SeededStreams;
import dev.replsim.scenario.ReadSettings.FollowerChoice;
import dev.replsim.scenario.ReadSettings.ReadFrom;
import dev.replsim.scenario.ReadSettings.SessionGuarantee;
import dev.replsim.scenario.StatementMix;
import dev.replsim.scenario.WorkloadSettings.KeyDistribution;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a client records in its history: each write and read with its outcome (OK, FAILED when it
 * was never sent, UNKNOWN when it went unanswered), the node that served it and its run-wide LSN;
 * and how it keeps its session on a follower that is behind. Probes stand in for the nodes; each
 * client writes one key, one write at a time (closed loop).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientHistoryTest {

  private static final long WAIT = 50_000;

  private ActorTestKit kit;
  private RunLoop timer;
  private HistoryRecorder histories;
  private Recorder recorder;
  private TestProbe<ReplicaNode.Command> leader;
  private TestProbe<ReplicaNode.Command> follower;

  @BeforeAll
  void startKit() {
    kit = ActorTestKit.create();
    timer = new RunLoop(new RunClock());
  }

  @AfterAll
  void stopKit() {
    kit.shutdownTestKit();
    timer.close();
  }

  @BeforeEach
  void freshClient() {
    histories = new HistoryRecorder();
    recorder = new Recorder("leader", List.of("follower-1"));
    leader = kit.createTestProbe();
    follower = kit.createTestProbe();
  }

  private ActorRef<Client.Command> client(boolean leaderUp, long writeTimeoutMicros, ClientPlan.ReadPlan reads) {
    SeededStreams streams = new SeededStreams(1);
    ClientHistory history = histories.client("c1");
    ClientPlan plan = new ClientPlan("c1", null, new KeyChooser(KeyDistribution.UNIFORM, 1, 0.99, streams.stream("k")),
        8, 1, new StatementChooser(StatementMix.SET_ONLY, streams.stream("s")), writeTimeoutMicros, "leader", reads,
        history, false);
    Map<String, ActorRef<ReplicaNode.Command>> nodes = new HashMap<>();
    if (leaderUp) {
      nodes.put("leader", leader.ref());
    }
    nodes.put("follower-1", follower.ref());
    ActorRef<Client.Command> client = kit.spawn(Client.create(plan, nodes, timer, recorder));
    client.tell(Client.Begin.INSTANCE);
    return client;
  }

  /** Follower reads under read-your-writes, each acknowledged write probed at once. */
  private static ClientPlan.ReadPlan readYourWrites() {
    ReadRouter router = new ReadRouter(ReadFrom.FOLLOWERS, FollowerChoice.ROUND_ROBIN, "leader",
        List.of("follower-1"), new SeededStreams(1).stream("r"));
    return new ClientPlan.ReadPlan(null, null, router, new Session(SessionGuarantee.READ_YOUR_WRITES), WAIT, 0);
  }

  private History finish(ActorRef<Client.Command> client) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    client.tell(new Client.Finish(done));
    done.get(10, TimeUnit.SECONDS);
    return histories.history(0);
  }

  private static void commit(ReplicaNode.ClientWrite w, long term, long lsn) {
    ((ClientReplies.Recipient) w.write().client())
        .written(new ClientReplies.WriteCommitted(w.write().requestId(), lsn, term, false));
  }

  private static void answer(Read r, String value, long term, long lsn, long waitedMicros) {
    ((ClientReplies.Recipient) r.client())
        .read(new ClientReplies.ReadResult(r.requestId(), r.key(), value, lsn, term, waitedMicros));
  }

  private static List<Outcome> outcomes(History h) {
    return h.operations().stream().map(Operation::outcome).toList();
  }

  @Test
  void anAcknowledgedWriteIsRecordedOkAtItsRunWideLsnAndOneUnansweredAtTheEndAsUnknown() throws Exception {
    ActorRef<Client.Command> client = client(true, 60_000_000, null);
    commit(leader.expectMessageClass(ReplicaNode.ClientWrite.class), 2, 3);
    leader.expectMessageClass(ReplicaNode.ClientWrite.class); // the next, never answered

    History h = finish(client);

    Operation acknowledged = h.operations().get(0);
    assertEquals(List.of(Outcome.OK, Outcome.UNKNOWN), outcomes(h));
    assertEquals(Kind.WRITE, acknowledged.kind());
    assertEquals("c1-1", acknowledged.value());
    assertEquals("leader", acknowledged.node());
    assertEquals(1_000_000_000_003L, acknowledged.lsn(), "LSN 3 of term 2");
    assertEquals(0, h.operations().get(1).lsn(), "not placed: it may or may not have taken effect");
  }

  @Test
  void aWriteTheClientGaveUpOnIsUnknown() throws Exception {
    ActorRef<Client.Command> client = client(true, 1_000, null);
    leader.expectMessageClass(ReplicaNode.ClientWrite.class);
    leader.expectMessageClass(ReplicaNode.ClientWrite.class); // sent once the first timed out

    Operation timedOut = finish(client).operations().get(0);

    assertEquals(Outcome.UNKNOWN, timedOut.outcome());
    assertTrue(timedOut.completeMicros() - timedOut.invokeMicros() >= 1_000, timedOut.toString());
  }

  @Test
  void aWriteSentBeforeTheLeaderCrashedIsUnknownAndOneWhileItIsDownFailed() throws Exception {
    ActorRef<Client.Command> sent = client(true, 60_000_000, null);
    leader.expectMessageClass(ReplicaNode.ClientWrite.class);
    sent.tell(Client.LeaderDown.INSTANCE);
    assertEquals(List.of(Outcome.UNKNOWN), outcomes(finish(sent)), "it may have reached the followers");

    histories = new HistoryRecorder();
    ActorRef<Client.Command> refused = client(false, 60_000_000, null);
    History h = finish(refused);

    assertEquals(List.of(Outcome.FAILED), outcomes(h), "never sent: no leader to send it to");
    assertEquals(0, h.operations().get(0).lsn(), "a FAILED write has no place in the log");
    leader.expectNoMessage();
  }

  @Test
  void aFollowerReadShortOfTheSessionsPositionGoesOnToTheLeader() throws Exception {
    ActorRef<Client.Command> client = client(true, 60_000_000, readYourWrites());
    commit(leader.expectMessageClass(ReplicaNode.ClientWrite.class), 1, 5);
    Read onFollower = follower.expectMessageClass(ReplicaNode.ClientRead.class).read();
    assertEquals(new LogPosition(1, 5), onFollower.after(), "the LSN of the client's last write");
    assertEquals(WAIT, onFollower.maxWaitMicros());
    answer(onFollower, null, 1, 4, WAIT); // held for the whole wait, still at LSN 4

    leader.expectMessageClass(ReplicaNode.ClientWrite.class); // the client's next write
    Read onLeader = leader.expectMessageClass(ReplicaNode.ClientRead.class).read();
    assertEquals(0, onLeader.maxWaitMicros(), "the leader never holds a read");
    answer(onLeader, "c1-1", 1, 5, 0);
    History h = finish(client);

    Operation read = h.select(Operation::isRead).get(0);
    assertEquals("c1-1", read.value());
    assertEquals("leader", read.node());
    assertEquals(Outcome.OK, read.outcome());
    assertEquals(1, recorder.reads().redirected());
    assertEquals(0, recorder.reads().waited());
  }

  @Test
  void aFollowerReadHeldUntilTheFollowerCaughtUpIsRecordedAsServedByIt() throws Exception {
    ActorRef<Client.Command> client = client(true, 60_000_000, readYourWrites());
    commit(leader.expectMessageClass(ReplicaNode.ClientWrite.class), 1, 5);
    answer(follower.expectMessageClass(ReplicaNode.ClientRead.class).read(), "c1-1", 1, 5, 12_000);
    History h = finish(client);

    Operation read = h.select(Operation::isRead).get(0);
    assertEquals("follower-1", read.node());
    assertEquals(5, read.lsn());
    assertEquals(1, recorder.reads().waited());
    assertEquals(0, recorder.reads().redirected());
    assertEquals(1, recorder.reads().probes());
  }

  @Test
  void aReadOfAFollowerThatCrashedEndsUnanswered() throws Exception {
    ActorRef<Client.Command> client = client(true, 60_000_000, readYourWrites());
    commit(leader.expectMessageClass(ReplicaNode.ClientWrite.class), 1, 5);
    follower.expectMessageClass(ReplicaNode.ClientRead.class);
    client.tell(new Client.FollowerDown("follower-1"));
    History h = finish(client);

    Operation read = h.select(Operation::isRead).get(0);
    assertEquals(Outcome.UNKNOWN, read.outcome());
    assertNull(read.value());
    assertEquals(1, recorder.reads().failed());
  }
}
