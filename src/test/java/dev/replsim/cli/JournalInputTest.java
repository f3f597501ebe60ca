package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad journal settings are bad input: one clear message, exit 2, and no output directory. */
class JournalInputTest {

  @TempDir Path tmp;

  private final StringWriter errors = new StringWriter();

  private int run(String... settings) throws Exception {
    Path file = tmp.resolve("journal.conf");
    Files.writeString(file, "simulation.name = journal\n" + String.join("\n", settings) + "\n");
    CommandLine cli = Main.commandLine(new Main());
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(errors, true));
    return cli.execute("run", file.toString(), "--duration", "1s", "--out", tmp.resolve("out").toString());
  }

  @Test
  void anUnreachableJdbcUrlIsBadInputNamingTheFileLineKeyAndValue() throws Exception {
    String url = "jdbc:h2:file:" + tmp.resolve("no-such-dir").resolve("db") + ";IFEXISTS=TRUE";
    assertEquals(ExitCode.BAD_INPUT, run("cluster.persistence = \"" + url + "\""));
    String err = errors.toString();
    assertTrue(err.contains("journal.conf:2"), err);
    assertTrue(err.contains("cluster.persistence = \"" + url + "\" cannot be reached"), err);
    assertTrue(err.contains("must be memory, h2, or a JDBC URL"), err);
    assertFalse(err.contains("\tat "), "no stack trace");
    assertFalse(Files.exists(tmp.resolve("out")), "no output directory");
  }

  @Test
  void aLogRetentionBelowTheSnapshotIntervalIsBadInput() throws Exception {
    assertEquals(ExitCode.BAD_INPUT, run("cluster { persistence = h2, snapshot-interval = 1000, log-retention = 10 }"));
    String err = errors.toString();
    assertTrue(err.contains("journal.conf:2"), err);
    assertTrue(err.contains("cluster.log-retention = 10 is out of range: must be at least cluster.snapshot-interval"),
        err);
    assertFalse(Files.exists(tmp.resolve("out")), "no output directory");
  }
}
