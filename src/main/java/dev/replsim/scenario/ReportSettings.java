package dev.replsim.scenario;

import java.time.Duration;

/**
 * The {@code report} section: what {@code report.html} shows beyond the measured figures.
 *
 * @param sequenceWindow how much of the run the message-sequence diagram shows (centred on the
 *     first fault, or from the start of the writes); the run traces the messages of that window
 */
public record ReportSettings(Duration sequenceWindow) {

  /** The defaults of conf/replsim.conf, for runs built in code. */
  public static final ReportSettings DEFAULT = new ReportSettings(Duration.ofSeconds(2));
}
