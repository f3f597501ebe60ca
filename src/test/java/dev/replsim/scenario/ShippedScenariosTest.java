package dev.replsim.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario in simulations/ loads, variants included, and opens with what it shows. */
class ShippedScenariosTest {

  static List<Path> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("simulations"))) {
      return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void loadsAndOpensWithWhatItShows(Path file) throws IOException {
    Scenario scenario = ScenarioLoader.load(file);
    String text = Files.readString(file);
    String name = file.getFileName().toString().replace(".conf", "");

    assertTrue(text.startsWith("# " + name + ":"), file + " opens with its name and what it shows");
    assertTrue(scenario.variants().stream().allMatch(v -> v.scenario().variants().isEmpty()));
  }
}
