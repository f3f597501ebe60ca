package dev.replsim.scenario;

import dev.replsim.fault.Fault;

import dev.replsim.fault.ScheduledFault;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated scenario: everything a run needs, built once from a HOCON file layered over the
 * defaults in {@code conf/replsim.conf} and the command line's {@code --set} overrides. Every
 * value here has been checked, so drivers never see a bad one.
 *
 * @param file the scenario file it was loaded from
 * @param faults the fault schedule: the scenario's {@code faults} and the nemesis's, in time order
 * @param effectiveConfig the merged configuration, rendered as HOCON, for reproducing the run
 * @param variants the scenario's {@code variants}: the same scenario with some keys changed, each
 *     validated like the scenario itself; {@code replsim run} runs them in turn (empty for none)
 * @param check what the run checks its history of client operations for
 */
public record Scenario(
    Path file,
    SimulationSettings simulation,
    ClusterSettings cluster,
    NetworkSettings network,
    WorkloadSettings workload,
    FailoverSettings failover,
    List<ScheduledFault> faults,
    OutputSettings output,
    ReportSettings report,
    String effectiveConfig,
    List<Variant> variants,
    CheckSettings check) {

  public Scenario {
    faults = List.copyOf(faults);
    variants = List.copyOf(variants);
  }

  /** A scenario with the default checks. */
  public Scenario(Path file, SimulationSettings simulation, ClusterSettings cluster, NetworkSettings network,
      WorkloadSettings workload, FailoverSettings failover, List<ScheduledFault> faults, OutputSettings output,
      ReportSettings report, String effectiveConfig, List<Variant> variants) {
    this(file, simulation, cluster, network, workload, failover, faults, output, report, effectiveConfig, variants,
        CheckSettings.DEFAULT);
  }

  /**
   * One variant of a scenario, e.g. the same workload under another replication method.
   *
   * @param name names the variant's output directory, {@code <out>/<name>/}
   * @param scenario the scenario with the variant's keys set (it has no variants of its own)
   */
  public record Variant(String name, Scenario scenario) {}

  /** This scenario with these variants. */
  public Scenario withVariants(List<Variant> variants) {
    return new Scenario(file, simulation, cluster, network, workload, failover, faults, output, report,
        effectiveConfig, variants, check);
  }

  /** This scenario writing its results (and its nodes' durable journals) to {@code dir}. */
  public Scenario withOutputDir(String dir) {
    return new Scenario(file, simulation, cluster, network, workload, failover, faults, new OutputSettings(dir), report,
        effectiveConfig, variants, check);
  }

  /** All node names, the initial leader first. */
  public List<String> nodes() {
    return cluster.nodes();
  }

  /** The followers that {@code add-follower} faults add during the run, in schedule order. */
  public List<String> addedNodes() {
    return faults.stream().map(ScheduledFault::fault).filter(f -> f instanceof Fault.AddFollower)
        .map(f -> ((Fault.AddFollower) f).node()).toList();
  }

  /**
   * Whether every node keeps its rows in pages (a {@code PageStore}): when the run may ship WAL,
   * from the start or after a {@code method} fault switches to it. WAL copies page bytes, so every
   * node must have pages before the switch; statements and row images apply to pages as well, so
   * a run that may switch to WAL keeps them from the start, whatever it starts with.
   */
  public boolean keepsPages() {
    return cluster.replication().method().needsPages() || faults.stream().map(ScheduledFault::fault)
        .anyMatch(f -> f instanceof Fault.Method m && m.method().needsPages());
  }

  /** Every node that may run: the cluster's, then the added followers. */
  public List<String> allNodes() {
    List<String> all = new java.util.ArrayList<>(nodes());
    all.addAll(addedNodes());
    return all;
  }

  /** The node that leads when the run starts. */
  public String leader() {
    return cluster.nodes().get(0);
  }

  /** The followers when the run starts, in order. */
  public List<String> followers() {
    return cluster.nodes().subList(1, cluster.nodes().size());
  }
}
