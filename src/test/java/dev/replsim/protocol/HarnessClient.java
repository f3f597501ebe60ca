package dev.replsim.protocol;

import dev.replsim.clock.Clock;
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
 * with the instants the request was sent and answered, as the protocol's outcomes for tests.
 */
final class HarnessClient implements ClientReplies.Recipient {

  private final Clock clock;
  private final Map<Long, Long> sentAt = new HashMap<>();
  private final List<Answer> answers = new ArrayList<>();
  private final List<Redirect> redirects = new ArrayList<>();
  private final List<ReadAnswer> readAnswers = new ArrayList<>();

  HarnessClient(Clock clock) {
    this.clock = clock;
  }

  /** Request {@code requestId} leaves now. */
  void sent(long requestId) {
    sentAt.put(requestId, clock.nowMicros());
  }

  /** No node leads: the write is refused at once. */
  void unavailable(long requestId) {
    redirects.add(new Redirect(ProtocolHarness.CLIENT, requestId, null, false));
  }

  @Override
  public void written(ClientReplies.WriteReply reply) {
    if (reply instanceof ClientReplies.WriteCommitted c) {
      answers.add(new Answer(sentAt.get(c.requestId()), clock.nowMicros(),
          new WriteOutcome(ProtocolHarness.CLIENT, c.requestId(), c.lsn(), c.term(), c.fallback())));
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
