package dev.replsim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.replsim.metrics.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code sweep.json}: what a sweep is, written into its directory before the first run, so that
 * {@code --resume} can tell its own sweep from another and refuse to mix the two.
 *
 * @param file the scenario file, absolute
 * @param varies every {@code --vary}, its values expanded
 * @param seeds runs per combination
 * @param sets the settings over the file's, as given: {@code --set}, {@code --seed}, {@code --duration}
 * @param time {@code virtual} or {@code live}
 */
public record SweepManifest(String file, List<Vary> varies, int seeds, List<String> sets, String time) {

  public static final String FILE = "sweep.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public SweepManifest {
    varies = List.copyOf(varies);
    sets = List.copyOf(sets);
  }

  /** Writes {@code dir/sweep.json}. */
  public void write(Path dir) throws IOException {
    String json = JSON.writeValueAsString(this);
    AtomicFiles.write(dir.resolve(FILE), out -> out.write(json + "\n"));
  }

  /**
   * Reads {@code dir/sweep.json}.
   *
   * @throws IOException when it is missing or unreadable; a {@link JsonProcessingException} when it
   *     is not a sweep's manifest
   */
  public static SweepManifest read(Path dir) throws IOException {
    return JSON.readValue(dir.resolve(FILE).toFile(), SweepManifest.class);
  }

  /** How {@code other}, the sweep found in a directory, differs from this one: one phrase per member. */
  public List<String> differences(SweepManifest other) {
    List<String> out = new ArrayList<>();
    differ(out, "scenario file", file, other.file);
    differ(out, "varied keys and values", describe(varies), describe(other.varies));
    differ(out, "seeds", seeds, other.seeds);
    differ(out, "settings", sets, other.sets);
    differ(out, "time", time, other.time);
    return out;
  }

  private static void differ(List<String> out, String what, Object here, Object there) {
    if (!Objects.equals(here, there)) {
      out.add(what + ": " + there + " there, " + here + " here");
    }
  }

  private static List<String> describe(List<Vary> varies) {
    return varies.stream().map(v -> v.key() + "=" + String.join(",", v.values())).toList();
  }
}
