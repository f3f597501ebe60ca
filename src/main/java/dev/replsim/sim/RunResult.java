package dev.replsim.sim;

import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Sample;
import dev.replsim.metrics.Summary;
import java.util.List;

/** Everything a finished run produced, ready to be written to its output directory. */
public record RunResult(Summary summary, List<Sample> timeseries, List<RunEvent> events) {}
