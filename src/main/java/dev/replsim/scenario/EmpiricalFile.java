package dev.replsim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import dev.replsim.random.Distribution;
import dev.replsim.random.Empirical;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the file of an {@code empirical} distribution, once, when the scenario is loaded: one
 * delay in milliseconds per line ({@code 12.5}), blank lines and {@code #} comments skipped. A
 * relative path is read from the directory of the file that names it (so a scenario and its data
 * travel together); on the command line, from the working directory.
 */
final class EmpiricalFile {

  private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
  private static final double MAX_MILLIS = Distribution.MAX_SAMPLE_MICROS / 1000.0;
  private static final String LINES =
      "each line holds one delay in milliseconds, 0 or more (e.g. 12.5); blank lines and lines"
          + " starting with # are skipped";

  private EmpiricalFile() {}

  /** The distribution of the delays in the file named at {@code path} ({@code network.delay.file}). */
  static Empirical read(Fields f, String path) {
    String name = f.string(path, "a file of delays in milliseconds, one per line");
    if (name.isBlank()) {
      throw f.bad(path, "is empty: name a file of delays in milliseconds, one per line");
    }
    Path file = resolve(f.locations(), f.origin(path), name);
    long[] micros;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      micros = parse(in, file, f.key(path));
    } catch (NoSuchFileException e) {
      throw f.bad(path, "cannot be read: " + file + " does not exist" + relativeHint(f, path, name));
    } catch (CharacterCodingException e) {
      throw f.bad(path, "cannot be read: " + file + " is not UTF-8 text");
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw f.bad(path, "cannot be read: " + (Files.isDirectory(file) ? file + " is a directory" : reason));
    }
    if (micros.length == 0) {
      throw f.bad(path, "holds no delays: " + LINES);
    }
    return new Empirical(file.getFileName().toString(), micros);
  }

  private static long[] parse(BufferedReader in, Path file, String key) throws IOException {
    List<Long> values = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      String text = (number == 1 ? line.replace("\uFEFF", "") : line); // a spreadsheet's byte-order mark
      int comment = text.indexOf('#');
      text = (comment >= 0 ? text.substring(0, comment) : text).trim();
      if (text.isEmpty()) {
        continue;
      }
      String problem = null;
      double millis = 0;
      if (!NUMBER.matcher(text).matches()) {
        problem = "is not a number of milliseconds";
      } else {
        millis = Double.parseDouble(text);
        if (millis < 0) {
          problem = "is negative";
        } else if (millis > MAX_MILLIS) {
          problem = "is more than a day (86400000 ms)";
        }
      }
      if (problem != null) {
        String message = "%s:%d: \"%s\" %s: %s (read for %s)";
        throw new ScenarioException(String.format(message, file, number, text, problem, LINES, key));
      }
      values.add(Math.round(millis * 1000));
    }
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  /** Where a relative path written at {@code origin} points. */
  static Path resolve(Locations locations, ConfigOrigin origin, String name) {
    Path path = Path.of(name);
    if (path.isAbsolute() || locations.isOverride(origin) || locations.isDefault(origin)) {
      return path;
    }
    return Path.of(Locations.file(origin)).resolveSibling(path);
  }

  private static String relativeHint(Fields f, String path, String name) {
    if (Path.of(name).isAbsolute()) {
      return "";
    }
    return f.locations().isOverride(f.origin(path))
        ? " (on the command line a file is relative to the working directory)"
        : " (a relative file is read from the directory of the file that names it)";
  }

  /**
   * {@code config} with the file of every empirical distribution made absolute, so that the
   * effective configuration a run records can be run again from another directory.
   */
  static Config withAbsoluteFiles(Config config, Locations locations) {
    return ((ConfigObject) absolute(config.root(), locations)).toConfig();
  }

  private static ConfigValue absolute(ConfigValue value, Locations locations) {
    if (value instanceof ConfigObject) {
      ConfigObject object = (ConfigObject) value;
      for (String key : object.keySet()) {
        ConfigValue child = object.get(key);
        ConfigValue changed = absolute(child, locations);
        if (changed != child) {
          object = object.withValue(key, changed);
        }
      }
      ConfigValue kind = object.get(DistributionReader.KIND);
      ConfigValue file = object.get("file");
      if (kind != null && "empirical".equals(kind.unwrapped())
          && file != null && file.valueType() == ConfigValueType.STRING) {
        Path resolved = resolve(locations, file.origin(), (String) file.unwrapped());
        object = object.withValue("file", ConfigValueFactory.fromAnyRef(
            resolved.toAbsolutePath().normalize().toString(), file.origin().description()));
      }
      return object;
    }
    if (value instanceof ConfigList) {
      List<ConfigValue> items = new ArrayList<>();
      boolean changed = false;
      for (ConfigValue item : (ConfigList) value) {
        ConfigValue after = absolute(item, locations);
        changed |= after != item;
        items.add(after);
      }
      return changed ? ConfigValueFactory.fromIterable(items) : value;
    }
    return value;
  }
}
