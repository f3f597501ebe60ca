package dev.replsim.safety;

import dev.replsim.api.Result;
import dev.replsim.metrics.Summary;
import dev.replsim.scenario.ReadSettings.SessionGuarantee;
import dev.replsim.scenario.Scenario;
import java.util.List;
import java.util.Locale;

/**
 * A session guarantee a scenario asks for holds in every read: no read-your-writes, monotonic-read
 * or consistent-prefix violation of the kind asked for in {@code summary.json}, unless
 * acknowledged writes were lost (a client cannot read its own write once a failover lost it).
 */
public final class SessionGuaranteesHold implements Invariant {

  @Override
  public String name() {
    return "session-guarantees";
  }

  @Override
  public List<String> violations(Scenario scenario, Result result) {
    Summary s = result.summary();
    if (s.writes().lost() > 0) {
      return List.of();
    }
    Summary.Reads reads = s.reads();
    SessionGuarantee asked = scenario.workload().reads().guarantee();
    long broken = switch (asked) {
      case READ_YOUR_WRITES -> reads.readYourWritesViolations();
      case MONOTONIC_READS -> reads.monotonicReadViolations();
      case CONSISTENT_PREFIX -> reads.consistentPrefixViolations();
      default -> 0;
    };
    return broken == 0 ? List.of()
        : List.of(broken + " reads broke " + asked.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }
}
