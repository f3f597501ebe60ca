package dev.replsim.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ready demos are what the README says: three of them, each loading, each with a "What to
 * show" at its top, each in the README's table with a screenshot that exists.
 */
class DemoFilesTest {

  @Test
  void everyDemoHasWhatToShowAndAScreenshotInTheReadme() throws IOException {
    List<Path> demos;
    try (Stream<Path> files = Files.list(Path.of("simulations"))) {
      demos = files.filter(f -> f.getFileName().toString().startsWith("demo-")).sorted().toList();
    }
    assertEquals(List.of("demo-failover.conf", "demo-lag.conf", "demo-stale-reads.conf"),
        demos.stream().map(d -> d.getFileName().toString()).toList());
    String readme = Files.readString(Path.of("README.md"));
    for (Path demo : demos) {
      String name = demo.getFileName().toString().replace(".conf", "");
      String text = Files.readString(demo);
      assertTrue(text.startsWith("# " + name + ": "), name);
      assertTrue(text.contains("# What to show:"), name + " has no 'What to show'");
      Scenario scenario = ScenarioLoader.load(demo);
      assertEquals(name, scenario.simulation().name());
      assertTrue(readme.contains("(simulations/" + name + ".conf)"), name + " is not in the README");
      String shot = "docs/screenshots/" + name + ".png";
      assertTrue(readme.contains("(" + shot + ")"), name + "'s screenshot is not linked from the README");
      assertTrue(Files.size(Path.of(shot)) > 10_000, shot);
    }
  }
}
