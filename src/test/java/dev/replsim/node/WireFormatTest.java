package dev.replsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.replsim.protocol.Ack;
import dev.replsim.protocol.AppendEntries;
import dev.replsim.protocol.Entry;
import dev.replsim.protocol.Heartbeat;
import dev.replsim.protocol.Hello;
import dev.replsim.protocol.LogMatch;
import dev.replsim.protocol.Message;
import dev.replsim.protocol.RequestVote;
import dev.replsim.protocol.ResendRequest;
import dev.replsim.protocol.StreamRefused;
import dev.replsim.protocol.TimeoutNow;
import dev.replsim.protocol.Vote;
import dev.replsim.storage.Change;
import dev.replsim.storage.FullRowChange;
import dev.replsim.storage.PageStore;
import dev.replsim.storage.RandomSource;
import dev.replsim.storage.RowChange;
import dev.replsim.storage.RowChanges;
import dev.replsim.storage.RowDelete;
import dev.replsim.storage.Statement;
import dev.replsim.storage.StatementChange;
import dev.replsim.storage.WalCapture;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every message that crosses Artery survives Pekko's Jackson CBOR serializer unchanged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireFormatTest {

  private ActorTestKit kit;
  private Serialization serialization;

  @BeforeAll
  void start() {
    kit = ActorTestKit.create("wire", ConfigFactory.load("replsim-node"));
    serialization = SerializationExtension.get(kit.system().classicSystem());
  }

  @AfterAll
  void stop() {
    kit.shutdownTestKit();
  }

  @Test
  void protocolMessagesRoundTripThroughJacksonCbor() {
    Entry entry = Entry.of(3, 17, new RowChange("k42", "c1-9", 64), 123_456);
    List<Message> messages = List.of(
        new AppendEntries(3, "leader", List.of(entry, Entry.of(3, 18, new RowChange("k1", "c2-1", 64), 123_460))),
        new Ack(3, "follower-1", 1, 18, 17, 16, 99_123),
        new ResendRequest(3, "follower-2", 1, 12),
        new Heartbeat(3, "leader", 18, 99_100),
        new StreamRefused(3, "follower-2", "WAL of page format version 1 cannot be replayed on 2"),
        new Hello(4, "follower-1", 2, 18, 16, List.of(1L, 0L, 3L, 10L)),
        new LogMatch(4, "follower-2", 10, 18),
        new RequestVote(5, "follower-2", 18, 3, true, false),
        new Vote(5, "follower-1", true, true),
        new TimeoutNow(4, "leader"));
    dev.replsim.storage.KeyValueStore db = new dev.replsim.storage.KeyValueStore();
    db.execute(new Statement.Assign("k1", "c1-1", 64), 0);
    db.execute(new Statement.Assign("k2", "c1-2", 64), 0);
    messages = new java.util.ArrayList<>(messages);
    messages.add(new dev.replsim.protocol.Snapshot(4, "leader", 18, db.image(), List.of(1L, 0L, 4L, 11L)));
    java.util.Set<Class<?>> covered = new java.util.HashSet<>();
    messages.forEach(m -> covered.add(m.getClass()));
    for (Class<?> type : Message.class.getPermittedSubclasses()) {
      assertTrue(covered.contains(type), "no round trip of " + type.getSimpleName() + ": register it in WireModule");
    }
    for (Message message : messages) {
      Envelope envelope = new Envelope(98_000, 99_000, message);
      assertEquals(envelope, roundTrip(envelope));
    }
  }

  @Test
  void journalEventsAndSnapshotsRoundTripThroughJacksonCbor() {
    dev.replsim.storage.KeyValueStore db = new dev.replsim.storage.KeyValueStore();
    db.execute(new Statement.Assign("k1", "c1-1", 64), 0);
    List<Entry> entries = List.of(Entry.of(2, 7, new RowChange("k1", "c1-1", 64), 5),
        Entry.of(2, 8, new RowDelete("k2", null, 0), 6));
    List<JournalEvent> events = List.of(
        new JournalEvent.EntriesAppended(entries),
        new JournalEvent.LogRewound(7),
        new JournalEvent.SnapshotTaken(6, db.image(), List.of(1L, 1L, 2L, 5L), false),
        new JournalEvent.VoteCast(3, "follower-2"));
    java.util.Set<Class<?>> covered = new java.util.HashSet<>();
    events.forEach(e -> covered.add(e.getClass()));
    for (Class<?> type : JournalEvent.class.getPermittedSubclasses()) {
      assertTrue(covered.contains(type), "no round trip of " + type.getSimpleName());
    }
    for (JournalEvent event : events) {
      assertEquals(event, roundTrip(event));
    }
    JournalState.Saved saved = new JournalState.Saved(6, db.image(), List.of(1L, 1L), entries, 3, "leader");
    assertEquals(saved, roundTrip(saved));
    assertEquals(new JournalState.Saved(0, null, List.of(), List.of(), 0, null),
        roundTrip(new JournalState.Saved(0, null, List.of(), List.of(), 0, null)), "before any snapshot or vote");
  }

  @Test
  void everyFormOfChangeRoundTripsInsideAnEntry() {
    PageStore pages = new PageStore(1, 2, RandomSource.NONE);
    WalCapture wal = new WalCapture(pages, 1_000_000);
    Change fullPage = wal.capture(new Statement.Assign("k1", "a", 64), 0);
    Change delta = wal.capture(new Statement.Assign("k1", "b", 64), 1);
    List<Change> changes = List.of(
        new RowChange("k1", "v", 64),
        new FullRowChange("k1", "old", 64, "new", 64),
        new FullRowChange("k2", null, 0, "new", 64),
        new RowDelete("k1", null, 0),
        new RowDelete("k1", "old", 64),
        new RowChanges(List.of(new RowChange("k1", "v", 64), new RowDelete("k2", null, 0))),
        new StatementChange("UPDATE SET value = 'it''s' WHERE key PREFIX 'k1'", 99),
        fullPage,
        delta);
    long lsn = 1;
    for (Change change : changes) {
      AppendEntries append = new AppendEntries(1, "leader", List.of(Entry.of(1, lsn++, change, 5)));
      Envelope envelope = new Envelope(5, 7, append);
      assertEquals(envelope, roundTrip(envelope), change.toString());
    }
  }

  @Test
  void envelopesUseTheCborSerializer() {
    Serializer serializer = serialization.findSerializerFor(new Envelope(0, 1, new Heartbeat(1, "a", 1)));
    assertTrue(serializer.getClass().getSimpleName().contains("Jackson"), serializer.getClass().getName());
  }

  private Object roundTrip(Object message) {
    byte[] bytes = serialization.serialize(message).get();
    Serializer serializer = serialization.findSerializerFor(message);
    String manifest = Serializers.manifestFor(serializer, message);
    return serialization.deserialize(bytes, serializer.identifier(), manifest).get();
  }
}
