package dev.replsim.report;

import dev.replsim.metrics.Summary;
import java.util.List;

/**
 * One run of a sweep as {@code sweep.csv} and {@code sweep.html} show it: its id, the value of each
 * varied key (in the order of the keys), its seed, and its summary, or why it failed.
 *
 * @param summary the run's {@code summary.json}; null when the run failed
 * @param error why the run failed; null when it finished
 */
public record SweepRow(String id, List<String> values, long seed, Summary summary, String error) {

  public SweepRow {
    values = List.copyOf(values);
  }

  public boolean finished() {
    return summary != null;
  }
}
