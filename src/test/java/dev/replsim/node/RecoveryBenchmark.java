package dev.replsim.node;

import com.typesafe.config.ConfigFactory;
import dev.replsim.protocol.Checkpoint;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * How long a node takes to recover 100,000 entries from its H2 journal: the journal's replay
 * (snapshot and events) and the rebuild of the database from them. A benchmark, run by hand, not
 * in CI (figures in docs/benchmarks.md):
 * <pre>
 *   mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.replsim.node.RecoveryBenchmark
 * </pre>
 */
public final class RecoveryBenchmark {

  private static final String NODE = "leader";
  private static final int ENTRIES = 100_000;
  private static final int BATCH = 100;

  private RecoveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    for (long snapshotAt : new long[] {0, 90_000}) {
      for (int round = 0; round < 3; round++) {
        Path dir = Files.createTempDirectory("replsim-recovery");
        measure(dir, snapshotAt);
      }
    }
  }

  private static void measure(Path dir, long snapshotAt) throws Exception {
    JournalStore store = JournalStore.of("h2", dir);
    store.createSchema(NODE);
    ProtocolSettings settings = new ProtocolSettings(CommitPolicy.async(), 100, 100_000, 50_000);
    NodeSetup setup = new NodeSetup(NODE, List.of(), 1, settings, () -> 0,
        db -> new RowCapture(db, RowImage.MINIMAL), n -> 0);
    Replica core = Replicas.leading(setup, new KeyValueStore());
    core.start(0);
    ActorTestKit writer = kit(store);
    ActorRef<Journal.Command> journal = writer.spawn(Journal.create(store.persistenceId(NODE),
        new CompletableFuture<>()));
    var probe = writer.<ReplicaNode.Command>createTestProbe();
    long writeStart = System.nanoTime();
    for (int lsn = 1; lsn <= ENTRIES; lsn += BATCH) {
      List<Entry> batch = new ArrayList<>();
      for (int i = lsn; i < lsn + BATCH; i++) {
        Decision d = core.onWrite(new Write("c", i, "k" + (i % 10_000), "value-" + i, 16), i);
        batch.addAll(d.persist());
      }
      List<JournalEvent> events = new ArrayList<>(List.of(new JournalEvent.EntriesAppended(batch)));
      if (lsn + BATCH - 1 == snapshotAt) {
        Checkpoint c = core.checkpoint();
        events.add(new JournalEvent.SnapshotTaken(c.lsn(), c.image(), c.history(), false));
      }
      journal.tell(new Journal.Write(events, probe.getRef()));
      probe.receiveMessage(java.time.Duration.ofSeconds(30));
    }
    double writeMs = (System.nanoTime() - writeStart) / 1e6;
    writer.shutdownTestKit();

    ActorTestKit reader = kit(store);
    long start = System.nanoTime();
    CompletableFuture<Recovery> recovered = new CompletableFuture<>();
    reader.spawn(Journal.create(store.persistenceId(NODE), recovered));
    Recovery recovery = recovered.get(120, TimeUnit.SECONDS);
    double journalMs = (System.nanoTime() - start) / 1e6;
    NodeSetup again = new NodeSetup(NODE, List.of(), 2, settings, () -> 0,
        db -> new RowCapture(db, RowImage.MINIMAL), n -> 0);
    Replica restarted = Replicas.recovered(again, NODE, 2, recovery, new KeyValueStore());
    double totalMs = (System.nanoTime() - start) / 1e6;
    reader.shutdownTestKit();
    if (restarted.status().digest() != core.status().digest()) {
      throw new IllegalStateException("recovered state differs");
    }
    System.out.printf("entries %d, snapshot at %d: wrote in %.0f ms (%.0f entries/s); recovered %d entries in %.0f ms"
        + " (journal replay %.0f ms, database rebuild %.0f ms); journal file %d MB%n", ENTRIES, snapshotAt, writeMs,
        ENTRIES / writeMs * 1000, recovery.entries().size(), totalMs, journalMs, totalMs - journalMs,
        Files.size(dir.resolve("journal").resolve(NODE).resolve("journal.mv.db")) >> 20);
  }

  private static ActorTestKit kit(JournalStore store) {
    return ActorTestKit.create("recovery", store.config(NODE)
        .withFallback(ConfigFactory.parseString("pekko.actor.provider = local"))
        .withFallback(ConfigFactory.load("replsim-node")));
  }
}
