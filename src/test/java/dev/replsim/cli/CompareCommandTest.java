package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

  private final CliHarness cli = new CliHarness();

  @TempDir Path tmp;

  private Path run(String name) {
    Path out = tmp.resolve(name);
    assertEquals(ExitCode.OK, cli.execute("run", "lag.conf", "--out", out.toString()), cli.err());
    return out;
  }

  @Test
  void compareWritesTheTableAndThePageIntoOut() throws Exception {
    Path a = run("async");
    Path b = run("sync");
    Path out = tmp.resolve("cmp");

    assertEquals(ExitCode.OK, cli.execute("compare", a.toString(), b.toString(), "--out", out.toString()), cli.err());

    List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
    assertEquals(3, csv.size());
    assertTrue(csv.get(1).startsWith("async,lag-demo,logical,semi-sync,"), csv.get(1));
    assertTrue(Files.readString(out.resolve("comparison.html")).contains("<h2>Side by side</h2>"));
    assertTrue(cli.out().contains("compared 2 runs"), cli.out());
  }

  @Test
  void withoutOutTheComparisonGoesUnderResults() {
    assertEquals(Path.of("results", "comparison-20250102-030405"),
        OutputDirectory.choose(null, "comparison", CliHarness.CLOCK));
  }

  @Test
  void aDirectoryThatIsNotAFinishedRunIsBadInputAndNothingIsWritten() throws Exception {
    Path a = run("a");
    Path notARun = Files.createDirectories(tmp.resolve("not-a-run"));
    Path out = tmp.resolve("cmp");

    assertEquals(ExitCode.BAD_INPUT, cli.execute("compare", a.toString(), notARun.toString(), "--out", out.toString()));

    assertTrue(cli.err().startsWith(notARun + " is not a finished run: it has no summary.json"), cli.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aNonEmptyOutIsRefusedWithoutForce() throws Exception {
    Path a = run("a");
    Path out = Files.createDirectories(tmp.resolve("cmp"));
    Files.writeString(out.resolve("notes.txt"), "mine");

    assertEquals(ExitCode.BAD_INPUT, cli.execute("compare", a.toString(), "--out", out.toString()));
    assertTrue(cli.err().contains("is not empty; use --force"), cli.err());
    assertEquals(ExitCode.OK, cli.execute("compare", a.toString(), "--out", out.toString(), "--force"), cli.err());
  }

  @Test
  void compareNeedsAtLeastOneDirectory() {
    assertEquals(ExitCode.BAD_INPUT, cli.execute("compare"));
    assertTrue(cli.err().contains("Missing required parameter"), cli.err());
  }
}
