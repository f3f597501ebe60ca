package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The shipped command line end to end: the real loader reads {@code simulations/quickstart.conf},
 * the live driver runs it on a real cluster (shortened to two seconds), and the results are
 * written as the output contract says.
 */
class QuickstartEndToEndTest {

  @Test
  void runWritesEveryResultFileOfTheContract(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("quickstart");
    StringWriter console = new StringWriter();
    StringWriter errors = new StringWriter();
    CommandLine cli = Main.commandLine(new Main());
    cli.setOut(new PrintWriter(console, true));
    cli.setErr(new PrintWriter(errors, true));

    int exit = cli.execute("run", "simulations/quickstart.conf", "--duration", "2s", "--out", out.toString());

    assertEquals(ExitCode.OK, exit, errors.toString());
    assertTrue(console.toString().contains("follower-3"), console.toString());
    for (String file : List.of("summary.json", "timeseries.csv", "events.jsonl", "scenario.conf", "latency.csv",
        "messages.csv", "report.html")) {
      assertTrue(Files.exists(out.resolve(file)), file);
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals("quickstart", summary.path("scenario").path("name").asText());
    assertEquals(2000, summary.path("scenario").path("durationMs").asLong());
    assertTrue(summary.path("convergence").path("converged").asBoolean());
    assertEquals(3, summary.path("lag").size());
    assertEquals("t_ms,node,metric,value", Files.readAllLines(out.resolve("timeseries.csv")).get(0));
  }
}
