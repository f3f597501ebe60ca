package dev.replsim.protocol;

import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.network.LinkProfile;
import dev.replsim.random.Distribution;
import dev.replsim.scenario.ClusterSettings;
import dev.replsim.scenario.FailoverSettings;
import dev.replsim.scenario.NetworkSettings;
import dev.replsim.scenario.OutputSettings;
import dev.replsim.scenario.ReplicationSettings;
import dev.replsim.scenario.ReportSettings;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.SimulationSettings;
import dev.replsim.scenario.StatementMix;
import dev.replsim.scenario.StorageSettings;
import dev.replsim.scenario.TimeMode;
import dev.replsim.scenario.WarmUp;
import dev.replsim.scenario.WorkloadSettings;
import dev.replsim.storage.RowImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario a protocol test's cluster is built from, so that the product's {@code NodeFactory}
 * builds its nodes: the protocol's settings as a scenario states them (the factory derives the
 * same settings back), and what a scenario adds: the seed, the method, each node's page format,
 * the apply time and the followers added mid-run. The network is the harness's, the workload the
 * test's, so both are left at nothing.
 */
final class TestScenario {

  /** Keys the workload may write: they size a WAL database's pages. */
  static final int KEYS = 100;

  private final ProtocolSettings settings;
  private final List<String> nodes = new ArrayList<>();
  private final List<String> added = new ArrayList<>();
  private final Map<String, Integer> versions = new LinkedHashMap<>();
  private long seed = 1;
  private Distribution applyTime = new Distribution.Constant(0);
  private ReplicationMethod method = ReplicationMethod.LOGICAL;
  private RowImage image = RowImage.MINIMAL;

  /** The leader {@code leader} and {@code followers} followers {@code follower-1} ... */
  TestScenario(ProtocolSettings settings, int followers) {
    this.settings = settings;
    nodes.add(TestCluster.LEADER);
    for (int i = 1; i <= followers; i++) {
      nodes.add(TestCluster.follower(i));
    }
  }

  /** The seed every node's streams (election timeouts, apply times, RAND()) derive from. */
  TestScenario seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** How long each node takes to apply an entry, drawn from its own stream. */
  TestScenario applyTime(Distribution applyTime) {
    this.applyTime = applyTime;
    return this;
  }

  /** Replication by {@code method}, with each node's page format version in node order. */
  TestScenario method(ReplicationMethod method, RowImage image, int... nodeVersions) {
    this.method = method;
    this.image = image;
    for (int i = 0; i < nodeVersions.length; i++) {
      versions.put(nodes.get(i), nodeVersions[i]);
    }
    return this;
  }

  /** Followers the test adds to the running cluster, as {@code add-follower} faults do. */
  TestScenario adding(String... followers) {
    added.addAll(List.of(followers));
    return this;
  }

  /** Starts the cluster in a new harness at time 0. */
  TestCluster start() {
    return new TestCluster(build());
  }

  Scenario build() {
    CommitPolicy c = settings.commit();
    ReplicationSettings replication = new ReplicationSettings(method, c.mode(), c.acks(), c.ackLevel(),
        duration(c.timeoutMicros()), settings.maxBatchEntries(), settings.maxInFlightEntries(), c.quorum(),
        c.standbys(), c.waitPoint(), image);
    StorageSettings storage = new StorageSettings(1, versions, duration(TestCluster.CHECKPOINT_MICROS));
    ClusterSettings cluster = new ClusterSettings(nodes, replication, "memory", applyTime, Map.of(), storage,
        ClusterSettings.DEFAULT_SNAPSHOT_INTERVAL, settings.logRetentionEntries());
    FailoverSettings failover = new FailoverSettings(duration(settings.heartbeatIntervalMicros()),
        duration(settings.election().timeoutMicros()), settings.election());
    List<ScheduledFault> faults = new ArrayList<>();
    for (String node : added) {
      faults.add(new ScheduledFault("add-" + node, 0, new Fault.AddFollower(node), 0));
    }
    return new Scenario(Path.of("protocol-test.conf"),
        new SimulationSettings("protocol-test", seed, Duration.ofSeconds(10), Duration.ofMillis(100),
            Duration.ofSeconds(5), WarmUp.NONE, TimeMode.VIRTUAL),
        cluster, new NetworkSettings(LinkProfile.of(new Distribution.Constant(0)), List.of()),
        new WorkloadSettings(1, 0, WorkloadSettings.Arrival.CONSTANT, KEYS, WorkloadSettings.KeyDistribution.UNIFORM,
            0.99, 64, 100, Duration.ofSeconds(5), StatementMix.SET_ONLY),
        failover, faults, new OutputSettings(""), ReportSettings.DEFAULT, "", List.of());
  }

  private static Duration duration(long micros) {
    return Duration.ofNanos(micros * 1000);
  }
}
