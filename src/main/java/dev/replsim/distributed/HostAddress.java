package dev.replsim.distributed;

import dev.replsim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.Address;

/**
 * A replsim JVM's cluster address, {@code host:port}: where its ActorSystem listens for Artery
 * (TCP), as {@code --bind} and {@code --seed-nodes} name it. All of a cluster's systems are named
 * {@code replsim}, so host and port are all a user gives.
 */
public record HostAddress(String host, int port) {

  /** Pekko's own default Artery port, replsim's default for {@code replsim node}. */
  public static final int DEFAULT_PORT = 17355;

  /** The Pekko address of the system at this host and port. */
  public Address pekko() {
    return new Address("pekko", ClusterConfig.SYSTEM_NAME, host, port);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }

  /**
   * Reads {@code value}, given to {@code option}: {@code host:port}, or {@code host} alone for the
   * default port; port 0 only where {@code anyPort} (a port the system picks).
   */
  public static HostAddress parse(String option, String value, boolean anyPort) {
    String v = value.trim();
    int colon = v.lastIndexOf(':');
    String host = colon < 0 ? v : v.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1); // [::1]:17355
    }
    if (host.isEmpty() || host.contains("/") || host.contains("@")) {
      throw bad(option, value, "a host name or IP address before the colon");
    }
    if (colon < 0) {
      return new HostAddress(host, DEFAULT_PORT);
    }
    int port;
    try {
      port = Integer.parseInt(v.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw bad(option, value, "a port number after the colon");
    }
    if (port < (anyPort ? 0 : 1) || port > 65535) {
      throw bad(option, value, "a port from " + (anyPort ? 0 : 1) + " to 65535");
    }
    return new HostAddress(host, port);
  }

  /** Reads a comma-separated list of addresses given to {@code option}; at least one. */
  public static List<HostAddress> parseList(String option, String value) {
    List<HostAddress> all = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        all.add(parse(option, part, false));
      }
    }
    if (all.isEmpty()) {
      throw bad(option, value, "one or more host:port, separated by commas");
    }
    return List.copyOf(all);
  }

  private static ScenarioException bad(String option, String value, String wanted) {
    return new ScenarioException(option + " = '" + value + "' is not host:port: expected " + wanted
        + " (e.g. 10.0.0.3:" + DEFAULT_PORT + ")");
  }
}
