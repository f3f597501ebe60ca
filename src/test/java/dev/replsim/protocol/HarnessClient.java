package dev.replsim.protocol;

import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClientReplies;
import dev.replsim.protocol.ProtocolHarness.Answer;
import dev.replsim.protocol.ProtocolHarness.ReadAnswer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The client of a {@link ProtocolHarness}: it hands the test's requests to the nodes at the
 * instants the test chose, as the {@link ClientReplies.Recipient} every write and read carries,
 * so the nodes answer it as they answer a driver's clients. It keeps each answer with the instants
 * the request was sent and answered, as the protocol's outcomes for tests, and tells the run's
 * {@link Recorder} of its writes as a driver's clients do (so that the product's figures, lost
 * writes among them, cover the harness's runs too).
 */
final class HarnessClient implements ClientReplies.Recipient {

  private final HarnessLoop loop;
  private final Recorder recorder;
  /** The node running under a name now, or for null the one that leads; null if none. */
  private final Function<String, HarnessNode> nodes;
  private final Map<Long, Long> sentAt = new HashMap<>();
  private long nextRequestId = 1;
  private final List<Answer> answers = new ArrayList<>();
  private final List<Redirect> redirects = new ArrayList<>();
  private final List<ReadAnswer> readAnswers = new ArrayList<>();

  /** @param nodes the node running under a name now, or for null the one that leads; null if none */
  HarnessClient(HarnessLoop loop, Recorder recorder, Function<String, HarnessNode> nodes) {
    this.loop = loop;
    this.recorder = recorder;
    this.nodes = nodes;
  }

  /**
   * Hands a write ({@code write}) or another input to {@code node} (null: whichever leads then; a
   * write finds none unavailable) at {@code at}; returns its request id.
   */
  long request(long at, String node, boolean write, LongFunction<Consumer<HarnessNode>> handler) {
    if (at < loop.now()) {
      throw new IllegalArgumentException("input at " + at + "us is before now, " + loop.now() + "us");
    }
    long id = nextRequestId++;
    sentAt.put(id, at);
    loop.scheduleForeground(at, () -> {
      HarnessNode n = nodes.apply(node);
      if (write) {
        recorder.writeIssued();
      }
      if (n != null) {
        n.input(() -> handler.apply(id).accept(n));
      } else if (node == null) {
        recorder.writesFailed(1);
        redirects.add(new Redirect(ProtocolHarness.CLIENT, id, null, false)); // no leader: unavailable
      }
    });
    return id;
  }

  @Override
  public void written(ClientReplies.WriteReply reply) {
    if (reply instanceof ClientReplies.WriteCommitted c) {
      long at = sentAt.get(c.requestId());
      long now = loop.now();
      recorder.writeCommitted(now - at, c.term(), c.lsn(), now);
      answers.add(new Answer(at, now, new WriteOutcome(ProtocolHarness.CLIENT, c.requestId(), c.lsn(), c.term(),
          c.fallback())));
    } else if (reply instanceof ClientReplies.WriteRedirected r) {
      redirects.add(new Redirect(ProtocolHarness.CLIENT, r.requestId(), r.leader(), r.appended()));
    }
  }

  @Override
  public void read(ClientReplies.ReadResult r) {
    readAnswers.add(new ReadAnswer(sentAt.get(r.requestId()), loop.now(), new ReadOutcome(
        ProtocolHarness.CLIENT, r.requestId(), r.key(), r.value(), r.lsn(), r.term(), r.waitedMicros(),
        r.redirect())));
  }

  List<Answer> answers() {
    return List.copyOf(answers);
  }

  List<Redirect> redirects() {
    return List.copyOf(redirects);
  }

  boolean answered(long readId) {
    return readAnswers.stream().anyMatch(a -> a.outcome().requestId() == readId);
  }

  ReadAnswer readAnswer(long requestId) {
    return readAnswers.stream().filter(a -> a.outcome().requestId() == requestId).findFirst()
        .orElseThrow(() -> new AssertionError("read " + requestId + " was not answered"));
  }

  Answer answer(long requestId) {
    return answers.stream().filter(a -> a.outcome().requestId() == requestId).findFirst()
        .orElseThrow(() -> new AssertionError("write " + requestId + " was not answered"));
  }
}
