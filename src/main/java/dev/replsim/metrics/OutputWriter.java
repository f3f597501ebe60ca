package dev.replsim.metrics;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.replsim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a finished run into its output directory as the output contract describes:
 * {@code timeseries.csv}, {@code events.jsonl}, {@code latency.csv}, {@code messages.csv},
 * {@code reads.csv} (when reads were checked), {@code history.csv} (when the run recorded its history),
 * {@code scenario.conf}, {@code run.json} (a virtual run's cost to its host) and, last,
 * {@code summary.json}.
 * Each file appears under its final name only once it is complete, and {@code summary.json} is
 * written last, so its presence means the whole set is there. Files of other names in the directory
 * are never touched.
 */
public final class OutputWriter {

  public static final String SUMMARY = "summary.json";
  public static final String TIMESERIES = "timeseries.csv";
  public static final String EVENTS = "events.jsonl";
  public static final String SCENARIO = "scenario.conf";
  public static final String LATENCY = "latency.csv";
  public static final String MESSAGES = "messages.csv";
  public static final String READS = "reads.csv";
  public static final String HISTORY = "history.csv";
  /** What a virtual run cost its host: apart from the summary, which depends on the scenario and seed alone. */
  public static final String HOST = "run.json";

  /** The header of {@code history.csv}: one client operation per row. */
  public static final String HISTORY_HEADER = "id,client,kind,key,value,invoke_ms,complete_ms,outcome,node,lsn";

  /** The most operations {@code history.csv} holds (about 60 bytes each); the checks see them all. */
  public static final int HISTORY_LIMIT = 1_000_000;

  /** The header of {@code timeseries.csv}: tidy long format, one measurement per row. */
  public static final String TIMESERIES_HEADER = "t_ms,node,metric,value";

  /** The header of {@code latency.csv}: one point of a distribution per row. */
  public static final String LATENCY_HEADER = "metric,node,value_ms,percentile";

  /** The header of {@code reads.csv}: the t-visibility curve, tidy like the time series. */
  public static final String READS_HEADER = "t_since_commit_ms,node,metric,value";

  /** The header of {@code messages.csv}: one traced message per row. */
  public static final String MESSAGES_HEADER = "sent_ms,delivered_ms,from,to,type,first_lsn,last_lsn,bytes,dropped";

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(PlainNumbers.jacksonModule());
  private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private OutputWriter() {}

  /** Writes all output files of {@code result} into {@code dir}, which must exist. */
  public static void write(Path dir, Scenario scenario, RunResult result) throws IOException {
    writeTimeseries(dir.resolve(TIMESERIES), result.timeseries());
    writeEvents(dir.resolve(EVENTS), result.events());
    writeLatency(dir.resolve(LATENCY), result.latency());
    writeMessages(dir.resolve(MESSAGES), result.messages());
    if (result.reads().isEmpty()) {
      Files.deleteIfExists(dir.resolve(READS)); // an earlier run's, under --force: not this run's
    } else {
      writeTidy(dir.resolve(READS), READS_HEADER, result.reads());
    }
    if (result.history().isEmpty()) {
      Files.deleteIfExists(dir.resolve(HISTORY));
    } else {
      HistoryFile.write(dir.resolve(HISTORY), result.history(), HISTORY_LIMIT);
    }
    writeScenario(dir.resolve(SCENARIO), scenario);
    if (result.host() == null) {
      Files.deleteIfExists(dir.resolve(HOST));
    } else {
      AtomicFiles.write(dir.resolve(HOST), out -> {
        out.write(PRETTY.writeValueAsString(result.host()));
        out.write('\n');
      });
    }
    writeSummary(dir.resolve(SUMMARY), result.summary());
  }

  static void writeSummary(Path file, Summary summary) throws IOException {
    AtomicFiles.write(file, out -> {
      out.write(PRETTY.writeValueAsString(summary));
      out.write('\n');
    });
  }

  static void writeTimeseries(Path file, List<Sample> samples) throws IOException {
    writeTidy(file, TIMESERIES_HEADER, samples);
  }

  /** A tidy long-format CSV: {@code x,node,metric,value}, one measurement per row. */
  static void writeTidy(Path file, String header, List<Sample> samples) throws IOException {
    AtomicFiles.write(file, out -> {
      out.write(header);
      out.write('\n');
      for (Sample sample : samples) {
        out.write(PlainNumbers.csv(sample.tMs()));
        out.write(',');
        out.write(sample.node());
        out.write(',');
        out.write(sample.metric());
        out.write(',');
        out.write(PlainNumbers.csv(sample.value()));
        out.write('\n');
      }
    });
  }

  static void writeLatency(Path file, List<LatencyPoint> points) throws IOException {
    AtomicFiles.write(file, out -> {
      out.write(LATENCY_HEADER);
      out.write('\n');
      for (LatencyPoint p : points) {
        out.write(p.metric() + ',' + p.node() + ',' + PlainNumbers.csv(p.valueMs()) + ','
            + PlainNumbers.csv(p.percentile()) + '\n');
      }
    });
  }

  /** An empty field where a message has no LSN or was not delivered: pandas and R read it as missing. */
  static void writeMessages(Path file, List<TracedMessage> messages) throws IOException {
    AtomicFiles.write(file, out -> {
      out.write(MESSAGES_HEADER);
      out.write('\n');
      for (TracedMessage m : messages) {
        out.write(PlainNumbers.csv(m.sentMs()) + ',' + (m.dropped() ? "" : PlainNumbers.csv(m.deliveredMs())) + ','
            + m.from() + ',' + m.to() + ',' + m.type() + ',' + lsn(m.firstLsn()) + ',' + lsn(m.lastLsn()) + ','
            + m.bytes() + ',' + m.dropped() + '\n');
      }
    });
  }

  private static String lsn(long lsn) {
    return lsn == TracedMessage.NO_LSN ? "" : Long.toString(lsn);
  }

  static void writeEvents(Path file, List<RunEvent> events) throws IOException {
    AtomicFiles.write(file, out -> {
      for (RunEvent event : events) {
        out.write(JSON.writeValueAsString(eventObject(event)));
        out.write('\n');
      }
    });
  }

  static void writeScenario(Path file, Scenario scenario) throws IOException {
    AtomicFiles.write(file, out -> {
      out.write("# The effective configuration of the replsim run \"" + scenario.simulation().name() + "\":\n");
      out.write("# the defaults in conf/replsim.conf, the scenario file "
          + (scenario.file() == null ? "" : scenario.file() + " ") + "and the\n");
      out.write("# command-line overrides, merged.\n");
      out.write("# Rerun it with: ./replsim run <this file> --out <another directory>\n\n");
      out.write(scenario.effectiveConfig());
      if (!scenario.effectiveConfig().endsWith("\n")) {
        out.write('\n');
      }
    });
  }

  /** The fixed members first, then the details; a detail never replaces a fixed member. */
  static Map<String, Object> eventObject(RunEvent event) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("tMs", event.tMs());
    object.put("type", event.type());
    if (event.node() != null) {
      object.put("node", event.node());
    }
    if (event.details() != null) {
      event.details().forEach(object::putIfAbsent);
    }
    return object;
  }
}
