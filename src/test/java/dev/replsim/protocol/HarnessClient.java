package dev.replsim.protocol;

import dev.replsim.clock.Clock;
import dev.replsim.metrics.Recorder;
import dev.replsim.node.ClientReplies;
import dev.replsim.protocol.ProtocolHarness.Answer;
import dev.replsim.protocol.ProtocolHarness.ReadAnswer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client of a {@link ProtocolHarness}: the {@link ClientReplies.Recipient} every write and
 * read carries, so the nodes answer it as they answer a driver's clients. It keeps each answer
 * with the instants the request was sent and answered, as the protocol's outcomes for tests, and
 * tells the run's {@link Recorder} of its writes as a driver's clients do (so that the product's
 * figures, lost writes among them, cover the harness's runs too).
 */
final class HarnessClient implements ClientReplies.Recipient {

  private final Clock clock;
  private final Recorder recorder;
  private final Map<Long, Long> sentAt = new HashMap<>();
  private final List<Answer> answers = new ArrayList<>();
  private final List<Redirect> redirects = new ArrayList<>();
  private final List<ReadAnswer> readAnswers = new ArrayList<>();

  HarnessClient(Clock clock, Recorder recorder) {
    this.clock = clock;
    this.recorder = recorder;
  }

  /** Write {@code requestId} leaves now. */
  void wrote(long requestId) {
    recorder.writeIssued();
    sentAt.put(requestId, clock.nowMicros());
  }

  /** Read {@code requestId} leaves now. */
  void asked(long requestId) {
    sentAt.put(requestId, clock.nowMicros());
  }

  /** No node leads: the write is refused at once. */
  void unavailable(long requestId) {
    recorder.writesFailed(1);
    redirects.add(new Redirect(ProtocolHarness.CLIENT, requestId, null, false));
  }

  @Override
  public void written(ClientReplies.WriteReply reply) {
    if (reply instanceof ClientReplies.WriteCommitted c) {
      long at = sentAt.get(c.requestId());
      long now = clock.nowMicros();
      recorder.writeCommitted(now - at, c.term(), c.lsn(), now);
      answers.add(new Answer(at, now, new WriteOutcome(ProtocolHarness.CLIENT, c.requestId(), c.lsn(), c.term(),
          c.fallback())));
    } else if (reply instanceof ClientReplies.WriteRedirected r) {
      redirects.add(new Redirect(ProtocolHarness.CLIENT, r.requestId(), r.leader(), r.appended()));
    }
  }

  @Override
  public void read(ClientReplies.ReadResult r) {
    readAnswers.add(new ReadAnswer(sentAt.get(r.requestId()), clock.nowMicros(), new ReadOutcome(
        ProtocolHarness.CLIENT, r.requestId(), r.key(), r.value(), r.lsn(), r.term(), r.waitedMicros())));
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
