package dev.replsim.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where the nodes' durable journals live: with {@code h2}, one H2 file database per node under the
 * run's output directory ({@code <out>/journal/<node>}), so that a node's next incarnation (a new
 * ActorSystem) reopens its file; with a JDBC URL, one shared database (PostgreSQL) in which each
 * node's journal is its own persistence id. It gives each node's ActorSystem the Pekko
 * Persistence configuration of the JDBC plugin, and creates the plugin's tables from the DDL
 * script the plugin ships.
 */
public final class JournalStore {

  private final String url;
  private final Path directory;
  private final String runId;
  /** A temporary directory that holds {@link #directory} and goes with it, or null. */
  private Path temporaryRoot;
  /** Per node, how many times its disk was lost: each loss starts a new, empty persistence id. */
  private final Map<String, Integer> generations = new ConcurrentHashMap<>();

  private JournalStore(String url, Path directory, String runId) {
    this.url = url;
    this.directory = directory;
    this.runId = runId;
  }

  /**
   * The store for {@code persistence} ({@code h2} or a JDBC URL), or null for {@code memory}.
   * An H2 store starts from an empty directory: a journal left by an earlier run into the same
   * output directory is removed.
   */
  public static JournalStore of(String persistence, Path outputDir) {
    if (persistence == null || persistence.equals("memory")) {
      return null;
    }
    String runId = Long.toString(System.currentTimeMillis(), 36);
    if (persistence.equals("h2")) {
      Path dir = outputDir.toAbsolutePath().resolve("journal");
      deleteTree(dir);
      return new JournalStore(null, dir, runId);
    }
    return new JournalStore(persistence, null, runId);
  }

  /**
   * The store for {@code persistence} under a new temporary directory, removed by
   * {@link #discard()}: for a run that writes no output (a test, a benchmark).
   */
  public static JournalStore temporary(String persistence) throws IOException {
    Path root = Files.createTempDirectory("replsim-journal");
    JournalStore store = of(persistence, root);
    if (store != null) {
      store.temporaryRoot = root;
    }
    return store;
  }

  /** The JDBC URL of a node's journal database. */
  String url(String node) {
    return url != null ? url : "jdbc:h2:file:" + directory.resolve(node).resolve("journal");
  }

  /** The persistence id of a node's journal: new for each run, and after each loss of its disk. */
  public String persistenceId(String node) {
    return "replsim|" + runId + "|" + node + "|" + generations.getOrDefault(node, 0);
  }

  /**
   * The node's disk is lost: its next incarnation starts from an empty journal, under a new
   * persistence id. (The crashed incarnation's database file may still be open while its
   * ActorSystem terminates, so the file is not deleted under it.)
   */
  public void wipe(String node) {
    generations.merge(node, 1, Integer::sum);
  }

  /** Removes an H2 store's files: a run that failed leaves no journal behind. */
  public void discard() {
    if (directory != null) {
      deleteTree(temporaryRoot != null ? temporaryRoot : directory);
    }
  }

  /** Pekko configuration for a node's ActorSystem: the JDBC journal and snapshot store on its database. */
  public Config config(String node) {
    String u = url(node);
    boolean postgres = u.startsWith("jdbc:postgresql:");
    Config db = ConfigFactory.parseMap(Map.of(
        "profile", postgres ? "slick.jdbc.PostgresProfile$" : "slick.jdbc.H2Profile$",
        "db.url", u,
        "db.driver", postgres ? "org.postgresql.Driver" : "org.h2.Driver",
        "db.numThreads", 2,
        "db.maxConnections", 2,
        "db.minConnections", 1,
        "db.connectionTimeout", 10_000));
    return ConfigFactory.parseString(String.join("\n",
            "pekko.persistence.journal.plugin = jdbc-journal",
            "pekko.persistence.snapshot-store.plugin = jdbc-snapshot-store",
            "jdbc-journal.use-shared-db = slick",
            "jdbc-snapshot-store.use-shared-db = slick",
            "jdbc-read-journal.use-shared-db = slick"))
        .withValue("pekko-persistence-jdbc.shared-databases.slick", db.root());
  }

  /** Creates the plugin's tables in a node's journal database, unless they exist. */
  public void createSchema(String node) {
    String u = url(node);
    String script = u.startsWith("jdbc:postgresql:") ? "schema/postgres/postgres-create-schema.sql"
        : "schema/h2/h2-create-schema.sql";
    try (Connection c = DriverManager.getConnection(u); Statement s = c.createStatement()) {
      for (String statement : ddl(script).split(";")) {
        String sql = statement.strip();
        if (sql.isEmpty()) {
          continue;
        }
        // the shipped scripts create their indexes unconditionally; a reopened database has them
        sql = sql.replaceFirst("(?i)^CREATE UNIQUE INDEX (?!IF NOT EXISTS)", "CREATE UNIQUE INDEX IF NOT EXISTS ")
            .replaceFirst("(?i)^CREATE INDEX CONCURRENTLY (?!IF NOT EXISTS)", "CREATE INDEX IF NOT EXISTS ");
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the journal's tables in " + u + ": " + e.getMessage(), e);
    }
  }

  private static String ddl(String resource) {
    try (InputStream in = JournalStore.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the JDBC plugin's " + resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
