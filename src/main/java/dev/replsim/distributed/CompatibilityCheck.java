package dev.replsim.distributed;

import com.typesafe.config.Config;
import java.util.List;
import org.apache.pekko.cluster.ConfigValidation;
import org.apache.pekko.cluster.JoinConfigCompatChecker;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Pekko's join-time check of a joining replsim JVM (listed under
 * {@code pekko.cluster.configuration-compatibility-check.checkers}): its replsim version, wire
 * version and Split Brain Resolver settings must equal the cluster's, or the cluster refuses it and
 * the joiner shuts down with {@code IncompatibleConfigurationDetectedReason}, which replsim turns
 * into a message naming the seed ({@link ClusterJoin}).
 */
public final class CompatibilityCheck extends JoinConfigCompatChecker {

  /** The keys that must be equal on every member. */
  static final List<String> KEYS = List.of("replsim.version", "replsim.wire",
      "pekko.cluster.split-brain-resolver.active-strategy", "pekko.cluster.split-brain-resolver.stable-after");

  @Override
  public Seq<String> requiredKeys() {
    return CollectionConverters.asScala(KEYS).toList();
  }

  @Override
  public ConfigValidation check(Config toCheck, Config actualConfig) {
    return JoinConfigCompatChecker.fullMatch(requiredKeys(), toCheck, actualConfig);
  }
}
