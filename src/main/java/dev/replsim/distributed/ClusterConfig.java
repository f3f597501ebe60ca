package dev.replsim.distributed;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pekko configuration of a replsim JVM that shares a cluster with others (a {@code replsim
 * node}, a coordinator): where it listens, its roles, the seed nodes it joins through, Pekko's Split
 * Brain Resolver for downing (docs/distributed.md, section 5), and the keys a joiner must share with
 * the cluster ({@link CompatibilityCheck}), over the nodes' own {@code replsim-node.conf}.
 */
public final class ClusterConfig {

  /** The name every replsim ActorSystem shares; a cluster needs one name. */
  public static final String SYSTEM_NAME = "replsim";

  /** The role of the JVM that runs a scenario's clients, faults and recorder. */
  public static final String COORDINATOR = "coordinator";

  /** The role of a JVM that hosts nodes for coordinators ({@code replsim node}). */
  public static final String HOST = "host";

  private ClusterConfig() {}

  /**
   * A member's configuration.
   *
   * @param bind the address other members reach it at (port 0: any free port)
   * @param listen the address it binds to when that differs (NAT, containers), or null
   * @param seeds the members it joins through; itself first to start a cluster
   */
  public static Config member(HostAddress bind, String listen, List<HostAddress> seeds, String role) {
    List<String> seedUris = new ArrayList<>();
    seeds.forEach(s -> seedUris.add(s.pekko().toString()));
    Config own = ConfigFactory.empty()
        .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(bind.host()))
        .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(bind.port()))
        .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(List.of(role)))
        .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seedUris))
        .withValue("replsim.version", ConfigValueFactory.fromAnyRef(WireVersion.replsim()))
        .withValue("replsim.wire", ConfigValueFactory.fromAnyRef(WireVersion.wire()));
    if (listen != null) {
      own = own.withValue("pekko.remote.artery.bind.hostname", ConfigValueFactory.fromAnyRef(listen));
    }
    return own.withFallback(ConfigFactory.parseResources("replsim-cluster.conf"))
        .withFallback(ConfigFactory.load("replsim-node"));
  }
}
