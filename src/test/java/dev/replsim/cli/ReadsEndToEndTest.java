package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Reads end to end, through the shipped command line on a real cluster: follower reads under links
 * of 50 ms on average break read-your-writes and monotonic reads with no session guarantee, and
 * never with the matching one; the counts land in each run's {@code summary.json} and in the table
 * printed at the end. The linearizability check passes leader reads under sync and fails follower
 * reads with a counterexample. Runs of three seconds; the bounds are generous.
 */
class ReadsEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private final StringWriter console = new StringWriter();
  private final StringWriter errors = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine(new Main());
    cli.setOut(new PrintWriter(console, true));
    cli.setErr(new PrintWriter(errors, true));
    return cli.execute(args);
  }

  private Path scenario(String... lines) throws IOException {
    return Files.writeString(tmp.resolve("reads.conf"), "# reads: end to end\n" + String.join("\n", lines) + "\n");
  }

  private static JsonNode reads(Path dir) throws IOException {
    return JSON.readTree(dir.resolve("summary.json").toFile()).path("reads");
  }

  @Test
  void followerReadsBreakSessionGuaranteesOnlyWhenTheSessionDoesNotKeepThem() throws IOException {
    Path file = scenario(
        "simulation { name = reads, seed = 3, duration = 3s }",
        "network.delay = { distribution = exponential, mean = 50ms }",
        "workload { clients = 4, write-rate = 200, keys = 20, read-rate = 400, read-from = followers,",
        "  read-after-write { enabled = true, delay = 5ms } }",
        "variants = [",
        "  { name = none, set { workload.session-guarantee = none } }",
        "  { name = ryw, set { workload.session-guarantee = read-your-writes } }",
        "  { name = monotonic, set { workload.session-guarantee = monotonic-reads } }",
        "]");
    Path out = tmp.resolve("out");

    assertEquals(ExitCode.OK, run("run", file.toString(), "--out", out.toString()), errors.toString());

    JsonNode none = reads(out.resolve("none"));
    JsonNode ryw = reads(out.resolve("ryw"));
    JsonNode monotonic = reads(out.resolve("monotonic"));
    assertTrue(none.path("total").asLong() > 1000, none.toString());
    assertTrue(none.path("readYourWritesViolations").asLong() > 0, none.toString());
    assertTrue(none.path("monotonicReadViolations").asLong() > 0, none.toString());
    assertEquals(0, ryw.path("readYourWritesViolations").asLong(), ryw.toString());
    assertTrue(ryw.path("session").path("waited").asLong() > 0, "followers held reads: " + ryw);
    assertEquals(0, monotonic.path("monotonicReadViolations").asLong(), monotonic.toString());
    for (String name : new String[] {"reads.csv", "history.csv", "report.html"}) {
      assertTrue(Files.exists(out.resolve("none").resolve(name)), name);
    }
    assertTrue(Files.readString(out.resolve("none").resolve("events.jsonl")).contains("read-your-writes-violation"));
    String table = console.toString();
    assertTrue(table.contains("guarantee           reads   stale your-writes monotonic  prefix   held to leader"),
        table);
    for (String variant : new String[] {"none", "ryw", "monotonic"}) {
      JsonNode r = reads(out.resolve(variant));
      String row = String.format("%-9s %-17s %7d %7d %11d %9d", variant, r.path("session").path("guarantee").asText(),
          r.path("total").asLong(), r.path("stale").asLong(), r.path("readYourWritesViolations").asLong(),
          r.path("monotonicReadViolations").asLong());
      assertTrue(table.contains(row), "the table shows " + row + ":\n" + table);
    }
  }

  @Test
  void leaderReadsUnderSyncAreLinearizableAndFollowerReadsAreNot() throws IOException {
    Path file = scenario(
        "simulation { name = lin, seed = 4, duration = 3s }",
        "cluster { followers = 2, replication.mode = sync }",
        "network.delay = { distribution = constant, value = 20ms }",
        "workload { clients = 4, write-rate = 200, keys = 20, read-rate = 300, read-from = leader }");

    assertEquals(ExitCode.OK, run("run", file.toString(), "--check", "linearizable", "--out",
        tmp.resolve("leader").toString()), errors.toString());
    JsonNode leader = JSON.readTree(tmp.resolve("leader").resolve("summary.json").toFile()).path("linearizability");
    assertEquals("linearizable", leader.path("verdict").asText(), leader.toString());
    assertTrue(console.toString().contains("linearizability  linearizable ("), console.toString());

    assertEquals(ExitCode.OK, run("run", file.toString(), "--check", "linearizable", "--set",
        "workload.read-from=followers", "--set", "cluster.replication.mode=async", "--out",
        tmp.resolve("followers").toString()), errors.toString());
    JsonNode followers = JSON.readTree(tmp.resolve("followers").resolve("summary.json").toFile())
        .path("linearizability");
    assertEquals("not linearizable", followers.path("verdict").asText(), followers.toString());
    JsonNode counterexample = followers.path("counterexamples").path(0);
    assertTrue(counterexample.path("operations").size() >= 2, counterexample.toString());
    String printed = console.toString();
    assertTrue(printed.contains("linearizability  not linearizable ("), printed);
    assertTrue(printed.contains("operations cannot be ordered"), printed);
    assertTrue(printed.contains(counterexample.path("operations").path(0).asText()), printed);
    assertTrue(Files.readString(tmp.resolve("followers").resolve("events.jsonl")).contains("\"linearizability\""));
  }
}
