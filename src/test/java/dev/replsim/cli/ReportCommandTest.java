package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  private final CliHarness cli = new CliHarness();

  @TempDir Path tmp;

  private Path finishedRun() {
    Path out = tmp.resolve("run");
    assertEquals(ExitCode.OK, cli.execute("run", "lag.conf", "--out", out.toString()), cli.err());
    return out;
  }

  @Test
  void runDrawsTheReportBesideItsResultsAndSaysWhere() {
    Path out = finishedRun();

    assertTrue(Files.isRegularFile(out.resolve("report.html")));
    assertTrue(cli.out().contains("report           " + out.resolve("report.html").toAbsolutePath()), cli.out());
  }

  @Test
  void reportDrawsTheReportAgainFromTheRunsFiles() throws Exception {
    Path out = finishedRun();
    Files.delete(out.resolve("report.html"));

    assertEquals(ExitCode.OK, cli.execute("report", out.toString()), cli.err());

    assertTrue(Files.readString(out.resolve("report.html")).contains("<h2>Replication lag</h2>"));
    assertTrue(cli.out().endsWith("report           " + out.resolve("report.html").toAbsolutePath()
        + System.lineSeparator()), cli.out());
  }

  @Test
  void aDirectoryThatIsNotAFinishedRunIsBadInput() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    assertEquals(ExitCode.BAD_INPUT, cli.execute("report", empty.toString()));

    assertEquals(empty + " is not a finished run: it has no summary.json (a run writes it last, when everything else"
        + " is written)" + System.lineSeparator(), cli.err());
  }

  @Test
  void theWindowOptionChoosesTheDiagramsWindow() throws Exception {
    Path out = finishedRun();
    Files.writeString(out.resolve("messages.csv"), "sent_ms,delivered_ms,from,to,type,first_lsn,last_lsn,bytes,dropped\n"
        + "1600,1630,leader,follower-1,AppendEntries,300,300,148,false\n");

    assertEquals(ExitCode.OK, cli.execute("report", out.toString(), "--window", "1.5s..2500ms"), cli.err());

    assertTrue(Files.readString(out.resolve("report.html")).contains("Showing 1,500 to 2,500 ms: the window chosen."));
  }

  @Test
  void aWindowThatIsNotFromToIsBadInput() {
    Path out = finishedRun();

    assertEquals(ExitCode.BAD_INPUT, cli.execute("report", out.toString(), "--window", "2s"));
    assertEquals("--window 2s: expected FROM..TO, e.g. 9.5s..11.5s" + System.lineSeparator(), cli.err());
  }

  @Test
  void aWindowWithoutUnitsOrBackwardsIsBadInput() {
    Path out = finishedRun();

    assertEquals(ExitCode.BAD_INPUT, cli.execute("report", out.toString(), "--window", "9..11"));
    assertTrue(cli.err().contains("'9' is not a duration with a unit, e.g. 9.5s or 9500ms"), cli.err());
    assertEquals(ExitCode.BAD_INPUT, cli.execute("report", out.toString(), "--window", "3s..1s"));
    assertTrue(cli.err().contains("the window must end after it starts"), cli.err());
  }
}
