package dev.replsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import dev.replsim.metrics.LatencyPoint;
import dev.replsim.metrics.OutputWriter;
import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Summary;
import dev.replsim.metrics.TracedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a finished run's output directory into {@link RunData}. {@code summary.json} is what makes
 * a directory a finished run (the run writes it last); every other file is optional, so a run of
 * an older replsim, or one without reads or faults, still gets a report.
 */
public final class RunFiles {

  /** Where a run with reads writes stale-read probability against time since commit. */
  public static final String READS = OutputWriter.READS;
  static final String READS_X = "t_since_commit_ms";
  private static final String SEQUENCE_WINDOW = "report.sequence-window";
  private static final Duration DEFAULT_WINDOW = Duration.ofSeconds(2);

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private RunFiles() {}

  /** Reads {@code dir}, or says why it is not a finished run. */
  public static RunData read(Path dir) throws RunFilesException {
    if (!Files.isDirectory(dir)) {
      throw new RunFilesException(dir + " is not a directory" + (Files.exists(dir) ? "" : " (it does not exist)"));
    }
    Path summaryFile = dir.resolve(OutputWriter.SUMMARY);
    if (!Files.isRegularFile(summaryFile)) {
      throw new RunFilesException(dir + " is not a finished run: it has no " + OutputWriter.SUMMARY
          + " (a run writes it last, when everything else is written)");
    }
    Summary summary = parseSummary(summaryFile);
    Path timeseries = dir.resolve(OutputWriter.TIMESERIES);
    Path reads = dir.resolve(READS);
    Map<String, String> settings = settings(dir.resolve(OutputWriter.SCENARIO));
    return new RunData(dir, summary,
        Files.exists(timeseries) ? TidyTable.read(timeseries, "t_ms") : TidyTable.empty("t_ms"),
        events(dir.resolve(OutputWriter.EVENTS)),
        TraceFiles.latency(dir.resolve(OutputWriter.LATENCY)),
        TraceFiles.messages(dir.resolve(OutputWriter.MESSAGES)),
        Files.exists(reads) ? TidyTable.read(reads, READS_X) : TidyTable.empty(READS_X),
        settings,
        sequenceWindow(settings));
  }

  /** The summary alone of the finished run in {@code dir}, or why it is not one. */
  public static Summary summary(Path dir) throws RunFilesException {
    Path file = dir.resolve(OutputWriter.SUMMARY);
    if (!Files.isRegularFile(file)) {
      throw new RunFilesException(dir + " is not a finished run: it has no " + OutputWriter.SUMMARY);
    }
    return parseSummary(file);
  }

  private static Summary parseSummary(Path file) throws RunFilesException {
    Summary s;
    try {
      s = JSON.readValue(file.toFile(), Summary.class);
    } catch (IOException e) {
      throw new RunFilesException(file + " is not a replsim summary: " + firstLine(e), e);
    }
    if (s == null || s.scenario() == null || s.cluster() == null || s.cluster().nodes() == null
        || s.cluster().nodes().isEmpty() || s.lag() == null
        || s.commitLatencyMs() == null || s.writes() == null) {
      throw new RunFilesException(file + " is not a replsim summary: it lacks scenario, cluster, writes,"
          + " commitLatencyMs or lag");
    }
    return new Summary(s.scenario(), s.cluster(), s.writes(), s.commitLatencyMs(), s.lag(),
        s.reads() == null ? Summary.Reads.NONE : s.reads(),
        s.failovers() == null ? List.of() : s.failovers(),
        s.faults() == null ? List.of() : s.faults(),
        s.convergence() == null ? new Summary.Convergence(true, List.of(), List.of(), List.of()) : s.convergence(),
        s.network(), s.throughput(), s.run(),
        s.replication() == null ? Summary.Replication.NONE : s.replication(),
        s.failover() == null ? Summary.FailoverStats.NONE : s.failover(), s.linearizability(),
        s.recoveries() == null ? List.of() : s.recoveries());
  }

  static List<RunEvent> events(Path file) throws RunFilesException {
    List<RunEvent> events = new ArrayList<>();
    if (!Files.exists(file)) {
      return events;
    }
    try {
      int number = 0;
      for (String line : Files.readAllLines(file)) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          throw new RunFilesException(file + ":" + number + ": not a JSON object: " + firstLine(e), e);
        }
        if (!node.isObject() || !node.path("tMs").isNumber() || !node.path("type").isTextual()) {
          throw new RunFilesException(file + ":" + number + ": an event needs a numeric tMs and a type");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (!List.of("tMs", "type", "node").contains(field.getKey())) {
            details.put(field.getKey(), JSON.treeToValue(field.getValue(), Object.class));
          }
        }
        events.add(new RunEvent(node.get("tMs").asDouble(), node.get("type").asText(),
            node.hasNonNull("node") ? node.get("node").asText() : null, details));
      }
    } catch (IOException e) {
      throw new RunFilesException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return events;
  }

  /** Every setting of {@code scenario.conf} by path; lists such as network.links as one HOCON value. */
  static Map<String, String> settings(Path file) throws RunFilesException {
    Map<String, String> settings = new TreeMap<>();
    if (!Files.exists(file)) {
      return settings;
    }
    try {
      Config config = ConfigFactory.parseFile(file.toFile()).resolve();
      for (Map.Entry<String, ConfigValue> e : config.entrySet()) {
        settings.put(e.getKey(), e.getValue().render(ConfigRenderOptions.concise()).replaceAll("^\"|\"$", ""));
      }
    } catch (ConfigException e) {
      throw new RunFilesException(file + " is not a scenario: " + e.getMessage(), e);
    }
    return settings;
  }

  private static Duration sequenceWindow(Map<String, String> settings) {
    String value = settings.get(SEQUENCE_WINDOW);
    if (value == null) {
      return DEFAULT_WINDOW;
    }
    try {
      Duration d = ConfigFactory.parseString("w = " + value).getDuration("w");
      return d.isNegative() || d.isZero() ? DEFAULT_WINDOW : d;
    } catch (ConfigException e) {
      return DEFAULT_WINDOW; // validated when the run was loaded; an edited file falls back
    }
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
