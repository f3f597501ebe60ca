package dev.replsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code replsim node} never hangs on a cluster it cannot join: a bad address, a seed no
 * connection reaches, a port that answers but is no replsim node each end in one message naming the
 * host and port, exit 2, within their limit (docs/distributed.md, "Nothing hangs").
 */
class NodeCommandTest {

  @Test
  void anAddressThatIsNotHostAndPortIsBadInput() {
    CliHarness cli = new CliHarness();
    assertEquals(ExitCode.BAD_INPUT, cli.execute("node", "--seed-nodes", "10.0.0.3:http"));
    assertEquals("--seed-nodes = '10.0.0.3:http' is not host:port: expected a port number after the colon "
        + "(e.g. 10.0.0.3:17355)", cli.err().strip());
    CliHarness bind = new CliHarness();
    assertEquals(ExitCode.BAD_INPUT, bind.execute("node", "--bind", "127.0.0.1:70000"));
    assertTrue(bind.err().contains("--bind = '127.0.0.1:70000' is not host:port: expected a port from 0 to 65535"),
        bind.err());
  }

  @Test
  void aSeedNoConnectionReachesIsNamedWithinSeconds() throws IOException {
    int closed = freePort();
    CliHarness cli = new CliHarness();
    int code = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> cli.execute("node", "--bind", "127.0.0.1:" + freePort(), "--seed-nodes", "127.0.0.1:" + closed));
    assertEquals(ExitCode.BAD_INPUT, code);
    assertEquals("cannot reach 127.0.0.1:" + closed + " (connection refused): is replsim node running there, "
        + "is the port open?", cli.err().strip());
  }

  @Test
  void aPortThatAnswersButIsNoReplsimNodeFailsTheJoinInItsLimit() throws IOException {
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept()); // accepts and says nothing
          }
        } catch (IOException closedAtTheEnd) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      CliHarness cli = new CliHarness();
      int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cli.execute("node", "--bind",
          "127.0.0.1:" + freePort(), "--seed-nodes", "127.0.0.1:" + silent.getLocalPort(), "--join-timeout", "3"));
      assertEquals(ExitCode.BAD_INPUT, code, cli.err());
      assertTrue(cli.err().contains("joined no cluster through 127.0.0.1:" + silent.getLocalPort()
          + " in 3 s: the port answers, but no replsim node does"), cli.err());
      assertFalse(cli.err().contains("\tat "), "no stack trace");
    } finally {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void theHelpDoesNotOfferNodeYet() {
    CliHarness cli = new CliHarness();
    assertEquals(ExitCode.OK, cli.execute("--help"));
    assertFalse(cli.out().contains(" node "), cli.out());
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
