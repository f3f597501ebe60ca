package dev.replsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.replsim.protocol.CommitPolicy;
import dev.replsim.protocol.Decision;
import dev.replsim.protocol.Entry;
import dev.replsim.protocol.NodeSetup;
import dev.replsim.protocol.ProtocolSettings;
import dev.replsim.protocol.Recovery;
import dev.replsim.protocol.Replica;
import dev.replsim.protocol.Replicas;
import dev.replsim.protocol.Write;
import dev.replsim.storage.KeyValueStore;
import dev.replsim.storage.RowCapture;
import dev.replsim.storage.RowImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node's journal on an H2 file recovers exactly what was made durable, also after a crash. */
class JournalRecoveryTest {

  private static final String NODE = "leader";
  private static final ProtocolSettings SETTINGS = new ProtocolSettings(CommitPolicy.async(), 100, 100_000, 50_000);

  @TempDir
  Path dir;

  private static NodeSetup setup(long incarnation) {
    return new NodeSetup(NODE, List.of(), incarnation, SETTINGS, () -> 0, db -> new RowCapture(db, RowImage.MINIMAL),
        n -> 0);
  }

  private static ActorTestKit kit(JournalStore store) {
    return ActorTestKit.create("journal", store.config(NODE)
        .withFallback(ConfigFactory.parseString("pekko.actor.provider = local"))
        .withFallback(ConfigFactory.load("replsim-node")));
  }

  private static Recovery start(ActorTestKit kit, JournalStore store, List<ActorRef<Journal.Command>> ref)
      throws Exception {
    CompletableFuture<Recovery> recovered = new CompletableFuture<>();
    ref.add(kit.spawn(Journal.create(store.persistenceId(NODE), recovered)));
    return recovered.get(30, TimeUnit.SECONDS);
  }

  /** Writes {@code count} entries on a leader's core; returns their entries. */
  private static List<Entry> write(Replica core, int from, int count) {
    List<Entry> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      Decision d = core.onWrite(new Write("c", i, "k" + (i % 37), "v" + i, 8), i);
      out.addAll(d.persist());
    }
    return out;
  }

  @Test
  void aRestartedNodeRecoversExactlyTheStateItHad() throws Exception {
    JournalStore store = JournalStore.of("h2", dir);
    store.createSchema(NODE);
    Replica core = Replicas.leading(setup(1), new KeyValueStore());
    core.start(0);
    ActorTestKit first = kit(store);
    List<ActorRef<Journal.Command>> journal = new ArrayList<>();
    assertEquals(0, start(first, store, journal).lastLsn());
    var probe = first.<ReplicaNode.Command>createTestProbe();
    for (int batch = 0; batch < 10; batch++) {
      List<JournalEvent> events = new ArrayList<>();
      events.add(new JournalEvent.EntriesAppended(write(core, batch * 50 + 1, 50)));
      if (batch == 5) {
        var c = core.checkpoint();
        events.add(new JournalEvent.SnapshotTaken(c.lsn(), c.image(), c.history(), false));
      }
      journal.get(0).tell(new Journal.Write(events, probe.getRef()));
      probe.expectMessage(new ReplicaNode.JournalDurable((batch + 1) * 50L));
    }
    first.shutdownTestKit();

    ActorTestKit second = kit(store);
    try {
      Recovery recovery = start(second, store, new ArrayList<>());
      assertEquals(500, recovery.lastLsn());
      assertEquals(300, recovery.snapshotLsn(), "recovery starts from the last snapshot");
      assertEquals(200, recovery.entries().size(), "and replays only the entries after it");
      Replica restarted = Replicas.recovered(setup(2), NODE, 2, recovery, new KeyValueStore());
      assertEquals(core.status().digest(), restarted.status().digest());
      assertEquals(500, restarted.status().lastLsn());
      assertEquals(core.status().history(), restarted.status().history(), "and its term history");
    } finally {
      second.shutdownTestKit();
    }
  }

  @Test
  void aNodeCrashedWithWritesInFlightRecoversADurablePrefix() throws Exception {
    JournalStore store = JournalStore.of("h2", dir);
    store.createSchema(NODE);
    Replica core = Replicas.leading(setup(1), new KeyValueStore());
    core.start(0);
    ActorTestKit first = kit(store);
    List<ActorRef<Journal.Command>> journal = new ArrayList<>();
    start(first, store, journal);
    AtomicLong acked = new AtomicLong();
    ActorRef<ReplicaNode.Command> node = first.spawn(Behaviors.receive(ReplicaNode.Command.class)
        .onMessage(ReplicaNode.JournalDurable.class, m -> {
          acked.accumulateAndGet(m.lsn(), Math::max);
          return Behaviors.same();
        }).build());
    List<Entry> all = new ArrayList<>();
    for (int batch = 0; batch < 40; batch++) {
      List<Entry> entries = write(core, batch * 50 + 1, 50);
      all.addAll(entries);
      journal.get(0).tell(new Journal.Write(List.of(new JournalEvent.EntriesAppended(entries)), node));
    }
    first.system().terminate(); // a crash: the writes still queued or in flight may or may not land
    first.system().getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    long durable = acked.get();

    ActorTestKit second = kit(store);
    try {
      Recovery recovery = start(second, store, new ArrayList<>());
      assertTrue(recovery.lastLsn() >= durable, "every acknowledged write survives: " + recovery.lastLsn()
          + " < " + durable);
      assertEquals(0, recovery.lastLsn() % 50, "a write is atomic: all of its entries or none");
      KeyValueStore expected = new KeyValueStore();
      for (Entry e : all.subList(0, (int) recovery.lastLsn())) {
        expected.apply(e.change(), 0);
      }
      Replica restarted = Replicas.recovered(setup(2), NODE, 2, recovery, new KeyValueStore());
      assertEquals(expected.digest(), restarted.status().digest());
    } finally {
      second.shutdownTestKit();
    }
  }
}
