package dev.replsim.dashboard;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.completeOK;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.onSuccess;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.ContentDisposition;
import org.apache.pekko.http.javadsl.model.headers.ContentDispositionTypes;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The dashboard's HTTP server, on pekko-http: {@code GET /} the page, {@code GET /events} a
 * server-sent event with the current {@link DemoState} every {@link #STATE_EVERY}, and
 * {@code POST /action} for the page's buttons, and {@code GET /export} for what was done as a
 * scenario file. Off loopback, every request must carry the access
 * token ({@code ?token=}); on loopback none is needed. It only reads published states and hands
 * actions to {@link Demo#act}: it never touches the simulation.
 */
public final class DashboardServer implements AutoCloseable {

  /** How often each page is sent the state. */
  static final Duration STATE_EVERY = Duration.ofMillis(200);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ActorSystem<Void> system;
  private final ServerBinding binding;
  private final String token;

  private DashboardServer(ActorSystem<Void> system, ServerBinding binding, String token) {
    this.system = system;
    this.binding = binding;
    this.token = token;
  }

  /**
   * Serves {@code demo} on {@code bind}:{@code port} (0: any free port). A non-loopback address gets
   * a fresh access token.
   */
  public static DashboardServer start(Demo demo, String bind, int port) throws Exception {
    String name = demo.name();
    boolean loopback = InetAddress.getByName(bind).isLoopbackAddress();
    String token = loopback ? null : newToken();
    Config config = ConfigFactory.parseMap(Map.of("pekko.actor.provider", "local", "pekko.loglevel", "WARNING",
        "pekko.stdout-loglevel", "WARNING", "pekko.http.server.idle-timeout", "infinite",
        // closed by replsim demo itself, after the results are written: no JVM hook of its own, which
        // Ctrl-C would find the JVM already shutting down for
        "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off"))
        .withFallback(ConfigFactory.defaultReference());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "replsim-dashboard", config);
    try {
      byte[] page = DashboardPage.assemble();
      Route routes = concat(
          pathSingleSlash(() -> get(() -> complete(HttpEntities.create(ContentTypes.TEXT_HTML_UTF8, page)))),
          path("events", () -> get(() -> completeOK(states(demo), EventStreamMarshalling.toEventStream()))),
          path("action", () -> post(() -> entity(Unmarshaller.entityToString(), body -> act(demo, body)))),
          path("export", () -> get(() -> export(demo, name))));
      Route guarded = token == null ? routes
          : parameterOptional("token", given -> token.equals(given.orElse(null)) ? routes
              : json(StatusCodes.FORBIDDEN, Map.of("error", "this dashboard needs its access token: add ?token=…"
                  + " as printed by replsim demo")));
      ServerBinding binding = Http.get(system).newServerAt(bind, port).bind(guarded)
          .toCompletableFuture().get(10, TimeUnit.SECONDS);
      return new DashboardServer(system, binding, token);
    } catch (Exception e) {
      system.terminate();
      throw e;
    }
  }

  /** The port it listens on. */
  public int port() {
    return binding.localAddress().getPort();
  }

  /** The access token, when the server is not on loopback. */
  public Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /** The page's address, token included. */
  public String url(String host) {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/"
        + (token == null ? "" : "?token=" + token);
  }

  /** The current state, every {@link #STATE_EVERY}, for as long as the page listens. */
  private static Source<ServerSentEvent, NotUsed> states(Demo demo) {
    return Source.tick(Duration.ZERO, STATE_EVERY, "tick")
        .map(t -> ServerSentEvent.create(JSON.writeValueAsString(demo.state())))
        .mapMaterializedValue(c -> NotUsed.notUsed());
  }

  /** Handles {@code POST /action}: a JSON object, see {@link DemoControls}. */
  static Route act(Demo demo, String body) {
    return onSuccess(demo.act(body), refusal -> refusal.map(r -> json(StatusCodes.BAD_REQUEST, Map.of("error", r)))
        .orElseGet(() -> json(StatusCodes.OK, Map.of("ok", true))));
  }

  /** Handles {@code GET /export}: what was done, as a scenario file to download. */
  private static Route export(Demo demo, String name) {
    String text = demo.export();
    if (text == null) {
      return json(StatusCodes.CONFLICT, Map.of("error", "nothing to export yet: the writes have not started"));
    }
    return complete(HttpResponse.create()
        .withEntity(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8, text))
        .addHeader(ContentDisposition.create(ContentDispositionTypes.ATTACHMENT,
            Map.of("filename", name + "-actions.conf"))));
  }

  private static Route json(StatusCode status, Map<String, Object> body) {
    try {
      return complete(HttpResponse.create().withStatus(status)
          .withEntity(ContentTypes.APPLICATION_JSON, JSON.writeValueAsString(body)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String newToken() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    binding.unbind();
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // shutting down: nothing more to do
    }
  }
}
