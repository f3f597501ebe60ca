package dev.replsim.distributed;

import dev.replsim.node.CborSerializable;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.ScenarioException;
import dev.replsim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The agent of a {@code replsim node} JVM: it registers with the cluster's Receptionist as a host
 * ({@link #KEY}) and takes a coordinator's run. A host knows no scenario of its own: the
 * coordinator sends it the scenario as it resolved it ({@link Assign}), which the host loads, checks
 * against its digest and keeps, so the host's own {@code conf/} never matters: the scenario is the
 * single source of truth (docs/distributed.md, section 2).
 */
public final class NodeHost extends AbstractBehavior<NodeHost.Command> {

  /** The Receptionist key hosts register under and coordinators find them by. */
  public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "replsim-host");

  /** What a host accepts, from coordinators in other JVMs. */
  public sealed interface Command extends CborSerializable permits Describe, Assign, Release {}

  /** Asks what this host is and offers. */
  public record Describe(ActorRef<HostInfo> replyTo) implements Command {}

  /**
   * What a host is: its cluster address, replsim and wire version, cores and heap, and the nodes
   * pinned to it ({@code --name}; empty: any).
   */
  public record HostInfo(String address, String version, int wire, int cores, long maxHeapBytes,
      List<String> pinned) implements CborSerializable {}

  /**
   * A coordinator's run, for this host to take part in: the scenario's resolved text and its
   * SHA-256, and the nodes this host is to run.
   */
  public record Assign(String runId, String scenarioName, String scenarioText, String sha256, List<String> nodes,
      ActorRef<Assigned> replyTo) implements Command {}

  /** The host's answer to {@link Assign}: taken, or refused with the reason ({@code refusal} not null). */
  public record Assigned(String runId, String host, String refusal) implements CborSerializable {
    public boolean taken() {
      return refusal == null;
    }
  }

  /** The run is over: the host forgets it (and a {@code --once} host stops). */
  public record Release(String runId) implements Command {}

  /** The run a host took: its scenario and the nodes it runs. */
  record HostedRun(String runId, Scenario scenario, List<String> nodes) {}

  private final HostInfo info;
  private final boolean once;
  private HostedRun run;

  /**
   * @param pinned the nodes pinned to this host ({@code --name}), empty for any
   * @param once stop the host's system after its first run ({@code --once})
   */
  public static Behavior<Command> create(List<String> pinned, boolean once) {
    return Behaviors.setup(ctx -> {
      ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
      return new NodeHost(ctx, pinned, once);
    });
  }

  private NodeHost(ActorContext<Command> ctx, List<String> pinned, boolean once) {
    super(ctx);
    Runtime runtime = Runtime.getRuntime();
    this.info = new HostInfo(address(ctx), WireVersion.replsim(),
        WireVersion.wire(), runtime.availableProcessors(), runtime.maxMemory(), List.copyOf(pinned));
    this.once = once;
  }

  /** This host's {@code host:port}, as users give it. */
  private static String address(ActorContext<Command> ctx) {
    Address a = Cluster.get(ctx.getSystem()).selfMember().address();
    return a.getHost().orElse("?") + ":" + a.getPort().orElse(0);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Describe.class, this::onDescribe)
        .onMessage(Assign.class, this::onAssign)
        .onMessage(Release.class, this::onRelease)
        .build();
  }

  private Behavior<Command> onDescribe(Describe msg) {
    msg.replyTo().tell(info);
    return this;
  }

  private Behavior<Command> onAssign(Assign msg) {
    String refusal = refusal(msg);
    if (refusal == null) {
      run = new HostedRun(msg.runId(), ScenarioLoader.load(msg.scenarioName(), msg.scenarioText(), List.of()),
          msg.nodes());
      getContext().getLog().info("took run {}: {} on this host", msg.runId(), msg.nodes());
    }
    msg.replyTo().tell(new Assigned(msg.runId(), info.address(), refusal));
    return this;
  }

  /** Why this host cannot take the run, or null: busy, a scenario that arrived damaged or does not load. */
  private String refusal(Assign msg) {
    if (run != null && !run.runId().equals(msg.runId())) {
      return info.address() + " is running " + run.runId() + " for another coordinator";
    }
    if (!sha256(msg.scenarioText()).equals(msg.sha256())) {
      return "the scenario reached " + info.address() + " damaged (its SHA-256 differs)";
    }
    try {
      Scenario loaded = ScenarioLoader.load(msg.scenarioName(), msg.scenarioText(), List.of());
      if (!loaded.effectiveConfig().equals(msg.scenarioText())) {
        return "the scenario loads differently on " + info.address() + " (replsim " + info.version() + ")";
      }
      return null;
    } catch (ScenarioException e) {
      return "the scenario does not load on " + info.address() + ": " + e.getMessage();
    }
  }

  private Behavior<Command> onRelease(Release msg) {
    if (run != null && run.runId().equals(msg.runId())) {
      run = null;
      if (once) {
        getContext().getSystem().terminate();
      }
    }
    return this;
  }

  /** The SHA-256 of a scenario's text, in hex: how a host knows it got what the coordinator sent. */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
