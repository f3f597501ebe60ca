package dev.replsim.check;

import java.util.List;

/**
 * What one checker found: how many operations it judged, how many offended, and the earliest
 * offences as samples (bounded, so a run with a million stale reads still has a small summary).
 *
 * @param checked operations judged (e.g. OK reads whose value could be placed)
 * @param count offending operations, each counted once
 * @param samples the earliest offences, at most the sample limit, in time order
 * @param <A> the kind of offence
 */
public record Findings<A extends Anomaly>(long checked, long count, List<A> samples) {

  public Findings {
    samples = List.copyOf(samples);
  }

  /** The share of judged operations that offended; 0 when none was judged. */
  public double rate() {
    return checked == 0 ? 0 : (double) count / checked;
  }
}
