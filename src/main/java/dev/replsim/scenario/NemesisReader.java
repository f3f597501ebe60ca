package dev.replsim.scenario;

import dev.replsim.fault.NemesisSettings;
import dev.replsim.fault.Target;
import dev.replsim.network.LinkPatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code nemesis} section: a seeded stream of faults, Jepsen style. */
final class NemesisReader {

  private NemesisReader() {}

  static NemesisSettings read(Fields f, List<String> nodes) {
    boolean enabled = f.bool("nemesis.enabled");
    Duration start = f.durationIn("nemesis.start", Duration.ZERO, Fields.LONGEST, "0 or more, e.g. 2s");
    Duration interval = f.durationIn("nemesis.interval", Duration.ofMillis(10), Fields.LONGEST, "at least 10ms, e.g. 5s");
    Duration duration = f.durationIn("nemesis.duration", Duration.ofMillis(1), Fields.LONGEST, "at least 1ms, e.g. 2s");
    Duration jitter = f.durationIn("nemesis.jitter", Duration.ZERO, Fields.LONGEST, "0 or more, e.g. 75ms");
    f.check(duration.plus(jitter).compareTo(interval) <= 0, "nemesis.duration",
        "at most nemesis.interval = " + interval.toMillis() + "ms" + (jitter.isZero() ? ""
            : " less nemesis.jitter = " + jitter.toMillis() + "ms") + ", so that one fault heals before the next");
    List<String> kinds = f.strings("nemesis.kinds", Suggestions.or(NemesisSettings.KINDS));
    for (String kind : kinds) {
      if (!NemesisSettings.KINDS.contains(kind)) {
        String hint = Suggestions.nearest(kind, NemesisSettings.KINDS).map(n -> "; did you mean " + n + "?").orElse("");
        throw f.bad("nemesis.kinds", "names " + kind + ", not a fault kind: each must be "
            + Suggestions.or(NemesisSettings.KINDS) + hint);
      }
    }
    f.check(!kinds.isEmpty(), "nemesis.kinds", "a list of at least one kind");
    List<String> selectors = new ArrayList<>(Target.SELECTORS);
    selectors.remove("rest");
    List<String> allowed = new ArrayList<>(selectors);
    allowed.addAll(nodes);
    List<Target> targets = new ArrayList<>();
    for (String target : f.strings("nemesis.targets", Suggestions.or(selectors))) {
      if (!allowed.contains(target)) {
        String hint = Suggestions.nearest(target, allowed).map(n -> "; did you mean " + n + "?").orElse("");
        throw f.bad("nemesis.targets", "names " + target + ", not a node or a selector: each must be "
            + Suggestions.or(allowed) + hint);
      }
      targets.add(Target.parse(target));
    }
    f.check(!targets.isEmpty(), "nemesis.targets", "a list of at least one target");
    LinkPatch link = NetworkReader.patch(f, "nemesis.link.");
    return new NemesisSettings(enabled, FaultReader.micros(start), FaultReader.micros(interval),
        FaultReader.micros(duration), kinds, targets, DistributionReader.read(f, "nemesis.slow-apply-time"), link,
        FaultReader.micros(f.durationIn("nemesis.skew", Duration.ZERO, Fields.LONGEST, "0 or more, e.g. 2s")),
        FaultReader.micros(jitter));
  }
}
