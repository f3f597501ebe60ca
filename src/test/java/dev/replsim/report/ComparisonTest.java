package dev.replsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

  @TempDir Path tmp;

  /** A synthetic run whose scenario.conf says {@code mode} and {@code delay}. */
  private Path run(String dir, String mode, String delay) throws IOException {
    Path run = SyntheticRun.plain(tmp.resolve(dir));
    Files.writeString(run.resolve("scenario.conf"), "simulation { name = demo, seed = 1 }\n"
        + "cluster.replication { method = logical, mode = " + mode + " }\n"
        + "network.delay = { distribution = constant, value = " + delay + " }\n"
        + "network.links = [ { from = leader, to = follower-2, delay = { distribution = constant, value = 80ms } } ]\n"
        + "output.dir = \"" + dir + "\"\n");
    return run;
  }

  @Test
  void oneRowPerRunWithTheSettingsThatDiffer() throws Exception {
    Comparison c = CompareWriter.read(List.of(run("a", "async", "40ms"), run("b", "sync", "40ms"),
        run("c", "sync", "80ms")));

    assertEquals(List.of("network.delay.value"), c.differing(), "mode has its own column; output.dir is not compared");
    assertEquals(List.of("run", "name", "method", "mode", "network.delay.value", "writes_acknowledged", "writes_per_s",
        "replicated_writes_per_s", "commit_p50_ms", "commit_p90_ms", "commit_p99_ms", "commit_max_ms",
        "apply_lag_p50_ms", "apply_lag_p90_ms", "apply_lag_p99_ms", "apply_lag_max_ms", "max_entries_behind",
        "bytes_shipped", "lost_writes", "failed_writes", "failovers", "stale_reads", "converged"), c.columns());
    List<String> first = c.rows().get(0);
    assertEquals(List.of("a", "synthetic", "logical", "async", "40ms"), first.subList(0, 5));
    assertEquals("40", first.get(c.columns().indexOf("apply_lag_p50_ms")), "the worst follower's p50");
    assertEquals("80", first.get(c.columns().indexOf("apply_lag_max_ms")));
    assertEquals("true", first.get(c.columns().indexOf("converged")));
  }

  @Test
  void theCsvHasAsManyCellsInEveryLineAsInItsHeader() throws Exception {
    Path a = run("a", "async", "40ms");
    Path b = run("b", "sync", "40ms");
    Files.writeString(b.resolve("scenario.conf"), Files.readString(b.resolve("scenario.conf"))
        .replace("value = 80ms", "value = 120ms"));
    Comparison c = CompareWriter.read(List.of(a, b));

    List<String> lines = List.of(ComparisonCsv.of(c).split("\n"));

    assertEquals(3, lines.size());
    assertTrue(c.differing().contains("network.links"));
    int columns = cells(lines.get(0)).size();
    for (String line : lines) {
      assertEquals(columns, cells(line).size(), line);
    }
    assertTrue(lines.get(1).contains("\"[{\"\"delay\"\""), "a list setting is one quoted cell: " + lines.get(1));
  }

  @Test
  void runsOfTheSameNameAreToldApartByTheirParentDirectory() throws Exception {
    Comparison c = CompareWriter.read(List.of(run("x/async", "async", "40ms"), run("y/async", "async", "40ms")));

    assertEquals(List.of("x/async", "y/async"), c.labels());
  }

  @Test
  void theHtmlOverlaysEachRunsLag() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    CompareWriter.write(CompareWriter.read(List.of(run("a", "async", "40ms"), run("b", "sync", "40ms"))), out);

    String html = Files.readString(out.resolve(CompareWriter.HTML));
    assertEquals(List.of("compare-apply-lag", "compare-commit-cdf", "compare-throughput"), ReportWriterTest.charts(html));
    assertTrue(html.contains("differ in no setting but their method and mode"), html);
    assertTrue(Files.readString(out.resolve(CompareWriter.CSV)).startsWith("run,name,method,mode,"));
  }

  /** Splits one CSV line as RFC 4180 does (quotes, doubled quotes). */
  static List<String> cells(String line) {
    List<String> cells = new java.util.ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
