package dev.replsim.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A virtual run's report says which driver ran it, and shows simulated, not host, times. */
class VirtualReportTest {

  @TempDir Path tmp;

  @Test
  void theReportSaysTheRunWasInVirtualTime() throws Exception {
    Path dir = VirtualRuns.runInto(tmp, "quickstart", VirtualRuns.load(Path.of("simulations/quickstart.conf"),
        "simulation.duration=2s"));
    String html = Files.readString(ReportWriter.write(dir));
    assertTrue(html.contains("virtual time (exact, reproducible from the seed)"), "the driver row");
    assertTrue(html.contains("writes / drain (simulated)"), "simulated phases, no host start-up or heap");
    assertTrue(!html.contains("peak heap"), "no host figure in a virtual run's report");
  }
}
