package dev.replsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.scenario.ScenarioException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docs/api.md}'s example compiles, runs, and prints what the page says it prints. */
class ApiExampleTest {

  private static final Path PAGE = Path.of("docs/api.md");

  @TempDir Path tmp;

  /** The page's {@code n}-th fenced block of the given language ("" for a plain one). */
  private static String block(String page, String language, int n) {
    Matcher m = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```\\s*$").matcher(page);
    int seen = 0;
    while (m.find()) {
      if (m.group(1).equals(language) && seen++ == n) {
        return m.group(2);
      }
    }
    throw new AssertionError("no block " + n + " of language '" + language + "' in " + PAGE);
  }

  @Test
  void theLoopOverDelaysCompilesRunsAndPrintsWhatThePageShows() throws Exception {
    String page = Files.readString(PAGE);
    Path source = tmp.resolve("DelaySweep.java");
    Files.writeString(source, block(page, "java", 0));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled = javac.run(null, null, null, "-d", tmp.toString(), "-cp", System.getProperty("java.class.path"),
        source.toString());
    assertEquals(0, compiled, "the example compiles against replsim");

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      loader.loadClass("DelaySweep").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(out);
    }
    String expected = block(page, "", 0);
    assertEquals(expected.strip(), printed.toString(StandardCharsets.UTF_8).strip().replace("\r", ""));
  }

  @Test
  void aScenarioInAStringRunsAndItsBadKeysAreNamed() {
    Result r = Simulation.parse("simulation { duration = 2s, seed = 3 }\ncluster.followers = 2").virtual().run();
    assertEquals(List.of("follower-1", "follower-2"), List.copyOf(r.summary().lag().keySet()));
    assertEquals("virtual", r.summary().run().driver());
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> Simulation.parse("").set("cluster.replication.mode", "eventually").scenario());
    assertTrue(e.getMessage().contains("cluster.replication.mode") && e.getMessage().contains("eventually"),
        e.getMessage());
  }

  @Test
  void eachChangeMakesANewSimulation() {
    Simulation base = Simulation.parse("").virtual();
    Simulation seven = base.seed(7);
    assertEquals(dev.replsim.scenario.ScenarioLoader.defaults().simulation().seed(), base.scenario().simulation().seed());
    assertEquals(7, seven.scenario().simulation().seed());
  }
}
