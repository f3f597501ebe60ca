package dev.replsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replsim.check.Operation;
import dev.replsim.check.Operation.Outcome;
import dev.replsim.clock.RunLoop;
import dev.replsim.clock.RunClock;
import dev.replsim.metrics.HistoryRecorder;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClientReplies;
import dev.replsim.node.ReplicaNode;
import dev.replsim.random.SeededStreams;
import dev.replsim.scenario.StatementMix;
import dev.replsim.scenario.WorkloadSettings.KeyDistribution;
import java.time.Duration;
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

/** How a client in a cluster with failover finds the new leader and what it makes of a redirect. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientFailoverTest {

  private ActorTestKit kit;
  private RunLoop timer;
  private HistoryRecorder histories;
  private TestProbe<ReplicaNode.Command> leader;
  private TestProbe<ReplicaNode.Command> follower1;
  private TestProbe<ReplicaNode.Command> follower2;

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
  void probes() {
    histories = new HistoryRecorder();
    leader = kit.createTestProbe();
    follower1 = kit.createTestProbe();
    follower2 = kit.createTestProbe();
  }

  /** A closed-loop client keeping one write outstanding, in a cluster with failover. */
  private ActorRef<Client.Command> client() {
    SeededStreams streams = new SeededStreams(1);
    ClientPlan plan = new ClientPlan("c1", null, new KeyChooser(KeyDistribution.UNIFORM, 1, 0.99, streams.stream("k")),
        8, 1, new StatementChooser(StatementMix.SET_ONLY, streams.stream("s")), 60_000_000, "leader", null,
        histories.client("c1"), true);
    ActorRef<Client.Command> client = kit.spawn(Client.create(plan, Map.of("leader", leader.ref(),
        "follower-1", follower1.ref(), "follower-2", follower2.ref()), timer, new Recorder("leader",
        List.of("follower-1", "follower-2"))));
    client.tell(Client.Begin.INSTANCE);
    return client;
  }

  private static void reply(ReplicaNode.ClientWrite w, ClientReplies.WriteReply reply) {
    ((ClientReplies.Recipient) w.write().client()).written(reply);
  }

  private static ClientReplies.WriteRedirected redirect(ReplicaNode.ClientWrite w, String from, String to,
      boolean appended) {
    return new ClientReplies.WriteRedirected(from, w.write().requestId(), to, appended);
  }

  private List<Outcome> outcomes(ActorRef<Client.Command> client) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    client.tell(new Client.Finish(done));
    done.get(10, TimeUnit.SECONDS);
    return histories.history(0).operations().stream().map(Operation::outcome).toList();
  }

  @Test
  void aRedirectedWriteGoesToTheLeaderTheNodeNamesAndNewWritesFollowIt() throws Exception {
    ActorRef<Client.Command> client = client();
    ReplicaNode.ClientWrite first = leader.expectMessageClass(ReplicaNode.ClientWrite.class);
    reply(first, redirect(first, "leader", "follower-2", false));

    ReplicaNode.ClientWrite again = follower2.expectMessageClass(ReplicaNode.ClientWrite.class);
    assertEquals(first.write().requestId(), again.write().requestId(), "the same write, sent again");
    reply(again, new ClientReplies.WriteCommitted(again.write().requestId(), 7, 2, false));
    follower2.expectMessageClass(ReplicaNode.ClientWrite.class); // the next write goes there too
    leader.expectNoMessage(Duration.ofMillis(50));
    assertEquals(List.of(Outcome.OK, Outcome.UNKNOWN), outcomes(client));
  }

  @Test
  void withNoLeaderKnownTheClientTriesTheNextNodeAfterABackOff() throws Exception {
    ActorRef<Client.Command> client = client();
    client.tell(Client.LeaderDown.INSTANCE);
    ReplicaNode.ClientWrite guess = follower1.expectMessageClass(ReplicaNode.ClientWrite.class);
    reply(guess, redirect(guess, "follower-1", null, false)); // an election is under way

    ReplicaNode.ClientWrite next = follower2.expectMessageClass(ReplicaNode.ClientWrite.class);
    assertEquals(guess.write().requestId(), next.write().requestId());
    client.tell(new Client.Finish(new CompletableFuture<>()));
  }

  @Test
  void aWriteItsLeaderAppendedBeforeSteppingDownIsUnknownAndNotSentAgain() throws Exception {
    ActorRef<Client.Command> client = client();
    ReplicaNode.ClientWrite first = leader.expectMessageClass(ReplicaNode.ClientWrite.class);
    reply(first, redirect(first, "leader", "follower-1", true));

    ReplicaNode.ClientWrite next = follower1.expectMessageClass(ReplicaNode.ClientWrite.class);
    assertEquals(first.write().requestId() + 1, next.write().requestId(), "a new write, not the old one again");
    assertEquals(Outcome.UNKNOWN, outcomes(client).get(0), "it may yet commit, or be lost");
  }
}
