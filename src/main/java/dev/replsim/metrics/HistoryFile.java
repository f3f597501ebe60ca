package dev.replsim.metrics;

import dev.replsim.check.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's history to {@code history.csv}: one client operation per row, in invoke order,
 * so the anomalies in {@code events.jsonl} (which name operations by id) can be looked up and the
 * history checked again elsewhere. Times are ms since the writes started; an empty {@code value}
 * is an absent key (or a read that got no answer), an {@code lsn} of 0 a position unknown.
 */
final class HistoryFile {

  private HistoryFile() {}

  /** Writes at most {@code limit} operations, the earliest. */
  static void write(Path file, List<Operation> operations, int limit) throws IOException {
    AtomicFiles.write(file, out -> {
      out.write(OutputWriter.HISTORY_HEADER);
      out.write('\n');
      for (Operation op : operations.subList(0, Math.min(limit, operations.size()))) {
        out.write(op.id() + "," + field(op.client()) + "," + op.kind().name().toLowerCase(Locale.ROOT) + ","
            + field(op.key()) + "," + field(op.value()) + "," + PlainNumbers.csv(op.invokeMicros() / 1000.0) + ","
            + PlainNumbers.csv(op.completeMicros() / 1000.0) + "," + op.outcome() + "," + field(op.node()) + ","
            + op.lsn() + "\n");
      }
    });
  }

  /** A CSV field: empty for null, quoted when it holds a comma, a quote or a line break. */
  static String field(String text) {
    if (text == null) {
      return "";
    }
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
