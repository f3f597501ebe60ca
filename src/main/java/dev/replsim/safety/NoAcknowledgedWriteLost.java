package dev.replsim.safety;

import dev.replsim.api.Result;
import dev.replsim.metrics.Summary;
import dev.replsim.protocol.CommitMode;
import dev.replsim.protocol.WaitPoint;
import dev.replsim.scenario.ReplicationSettings;
import dev.replsim.scenario.Scenario;
import java.util.List;
import java.util.Locale;

/**
 * No write a client heard acknowledged is missing from the final leader's log ({@code
 * writes.lost} is 0), where the commit mode promises it: always under {@code sync}; under {@code
 * semi-sync} with the {@code after-sync} wait point and {@code acks} ≥ ⌈N/2⌉ − 1 for N nodes
 * (every majority that can elect a new leader then holds a node with the write), when no write
 * fell back to async and the faults struck one at a time ({@link FailurePattern}). Not when a
 * majority ended without its log ({@link LostLogs}): the stalled cluster has no leader whose log
 * could say what was lost.
 */
public final class NoAcknowledgedWriteLost implements Invariant {

  @Override
  public String name() {
    return "no-acknowledged-write-lost";
  }

  @Override
  public List<String> violations(Scenario scenario, Result result) {
    Summary.Writes writes = result.summary().writes();
    if (writes.lost() == 0 || !promised(scenario, writes) || !LostLogs.stalling(scenario, result).isEmpty()) {
      return List.of();
    }
    return List.of(writes.lost() + " acknowledged writes lost under " + mode(scenario.cluster().replication()));
  }

  static boolean promised(Scenario scenario, Summary.Writes writes) {
    ReplicationSettings r = scenario.cluster().replication();
    if (r.mode() == CommitMode.SYNC) {
      return true;
    }
    int nodes = scenario.nodes().size();
    return r.mode() == CommitMode.SEMI_SYNC && r.waitPoint() == WaitPoint.AFTER_SYNC
        && r.acks() >= (nodes + 1) / 2 - 1 && writes.fallbacks() == 0 && FailurePattern.oneAtATime(scenario);
  }

  private static String mode(ReplicationSettings r) {
    return r.mode() == CommitMode.SEMI_SYNC
        ? "semi-sync " + r.quorum().name().toLowerCase(Locale.ROOT) + " " + r.acks() : "sync";
  }
}
