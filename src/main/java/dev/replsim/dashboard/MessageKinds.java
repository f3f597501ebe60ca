package dev.replsim.dashboard;

import dev.replsim.protocol.Ack;
import dev.replsim.protocol.AppendEntries;
import dev.replsim.protocol.Heartbeat;
import dev.replsim.protocol.Hello;
import dev.replsim.protocol.LogMatch;
import dev.replsim.protocol.RequestVote;
import dev.replsim.protocol.ResendRequest;
import dev.replsim.protocol.Snapshot;
import dev.replsim.protocol.StreamRefused;
import dev.replsim.protocol.TimeoutNow;
import dev.replsim.protocol.Vote;
import java.util.Map;

/**
 * The short word the dashboard shows for each kind of message between nodes, the page's key to
 * its colour and shape: {@code entries}, {@code ack}, {@code heartbeat}, {@code vote-request} …
 */
final class MessageKinds {

  /** Every message the protocol sends, and its word. */
  static final Map<Class<?>, String> WORDS = Map.ofEntries(
      Map.entry(AppendEntries.class, "entries"),
      Map.entry(Ack.class, "ack"),
      Map.entry(Heartbeat.class, "heartbeat"),
      Map.entry(ResendRequest.class, "resend"),
      Map.entry(Snapshot.class, "snapshot"),
      Map.entry(StreamRefused.class, "refused"),
      Map.entry(RequestVote.class, "vote-request"),
      Map.entry(Vote.class, "vote"),
      Map.entry(Hello.class, "hello"),
      Map.entry(LogMatch.class, "log-match"),
      Map.entry(TimeoutNow.class, "timeout-now"));

  private MessageKinds() {}

  /** The word for a message of class {@code type}; {@code other} for one this map does not know yet. */
  static String of(Class<?> type) {
    return WORDS.getOrDefault(type, "other");
  }
}
