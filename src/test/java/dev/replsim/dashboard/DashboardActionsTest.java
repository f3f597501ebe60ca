package dev.replsim.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /action}: refused actions answer 400 with a message and change nothing; accepted ones
 * answer {@code {"ok":true}} and are carried out by the run's own fault code. Off loopback, the
 * access token is required.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardActionsTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private DemoRuns run;
  private DashboardServer server;

  @BeforeAll
  void start() throws Exception {
    run = DemoRuns.start(5);
    server = DashboardServer.start(run.demo, "127.0.0.1", 0);
    run.await(s -> s.simTimeMs() > 500 && s.leader() != null, Duration.ofSeconds(10), "the run started");
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (run != null) {
      run.stop();
    }
  }

  @Test
  void refusedActionsAnswer400AndChangeNothing() throws Exception {
    DemoState before = run.demo.state();
    List<String> bad = List.of("{\"action\":\"explode\"}", "{\"action\":\"crash\",\"node\":\"follower-9\"}",
        "{\"action\":\"crash\"}", "{\"action\":\"crash\",\"node\":\"follower-1\",\"at\":\"1s\"}",
        "{\"action\":\"link\",\"from\":\"leader\",\"delay\":\"-5ms\"}", "{\"action\":\"pause\",\"node\":\"leader\"}",
        "{\"action\":\"speed\",\"value\":1000}", "{\"action\":\"speed\",\"value\":0}",
        "{\"action\":\"speed\",\"value\":\"fast\"}", "{\"action\":\"speed\"}", "not json", "[1,2]");
    for (String body : bad) {
      HttpResponse<String> r = post(body);
      assertEquals(400, r.statusCode(), body + " → " + r.body());
      assertTrue(r.body().startsWith("{\"error\":\""), body + " → " + r.body());
    }
    assertTrue(post("{\"action\":\"explode\"}").body().contains("is not a fault action: must be"),
        post("{\"action\":\"explode\"}").body());
    assertTrue(post("{\"action\":\"crash\",\"node\":\"follower-9\"}").body().contains("follower-9"));
    assertTrue(post("{\"action\":\"crash\",\"node\":\"follower-1\",\"at\":\"1s\"}").body()
        .contains("at is not allowed"));
    DemoState after = run.after(run.after(run.demo.state()));
    assertEquals(before.speed(), after.speed());
    assertFalse(after.paused());
    assertTrue(after.simTimeMs() > before.simTimeMs(), "the run went on");
    assertEquals(before.events().stream().filter(e -> e.text().contains("(d")).toList(),
        after.events().stream().filter(e -> e.text().contains("(d")).toList(), "no fault fired");
  }

  @Test
  void isolateAndHealGoThroughTheFaultCode() throws Exception {
    HttpResponse<String> r = post("{\"action\":\"partition\",\"isolate\":\"follower-2\"}");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"ok\":true}", r.body());
    run.await(s -> s.events().stream().anyMatch(e -> e.text().startsWith("partition follower-2")),
        Duration.ofSeconds(5), "the partition in the feed");
    assertEquals(200, post("{\"action\":\"heal\"}").statusCode());
    run.await(s -> s.events().stream().anyMatch(e -> e.text().startsWith("partition d")),
        Duration.ofSeconds(5), "the heal in the feed");
  }

  @Test
  void offLoopbackEveryRequestNeedsTheToken() throws Exception {
    try (DashboardServer open = DashboardServer.start(run.demo, "0.0.0.0", 0)) {
      String token = open.token().orElseThrow();
      URI page = URI.create("http://127.0.0.1:" + open.port() + "/");
      assertEquals(403, http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode());
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(page + "?token=" + token)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("id=\"lost-writes\""));
    }
  }

  private HttpResponse<String> post(String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/action"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
