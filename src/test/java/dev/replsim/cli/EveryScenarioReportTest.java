package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every scenario shipped in {@code simulations/}, run for a second on a real cluster through the
 * shipped command line, ends with a report that has its charts and its message-sequence diagram.
 * New scenarios are picked up by themselves.
 */
class EveryScenarioReportTest {

  @TempDir Path tmp;

  static List<Path> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("simulations"))) {
      return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void producesAReport(Path scenario) throws IOException {
    Path out = tmp.resolve("run");
    StringWriter console = new StringWriter();
    StringWriter errors = new StringWriter();
    CommandLine cli = Main.commandLine(new Main());
    cli.setOut(new PrintWriter(console, true));
    cli.setErr(new PrintWriter(errors, true));

    // one second each; the scenarios' own faults strike later than that, so they are left out here
    // (reports with faults are tested on synthetic runs), and so are variants (a run each: the
    // variants' table is tested in RunCommandTest)
    int exit = cli.execute("run", scenario.toString(), "--duration", "1s", "--set", "faults=[]",
        "--set", "nemesis.enabled=false", "--set", "variants=[]", "--out", out.toString());

    assertEquals(ExitCode.OK, exit, errors.toString());
    String html = Files.readString(out.resolve("report.html"));
    for (String chart : List.of("apply-lag", "entries-behind", "apply-lag-cdf", "commit-latency-cdf", "throughput",
        "sequence")) {
      assertTrue(html.contains("data-chart='" + chart + "'"), scenario + " has no " + chart + " chart");
    }
    assertFalse(html.contains("No message was traced in this window"), "the first second's messages are traced");
    assertTrue(Files.readAllLines(out.resolve("messages.csv")).size() > 1, "messages.csv has messages");
  }
}
