package dev.replsim.node;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.replsim.protocol.Ack;
import dev.replsim.protocol.AppendEntries;
import dev.replsim.protocol.Entry;
import dev.replsim.protocol.Heartbeat;
import dev.replsim.protocol.Hello;
import dev.replsim.protocol.LogMatch;
import dev.replsim.protocol.Message;
import dev.replsim.protocol.RequestVote;
import dev.replsim.protocol.ResendRequest;
import dev.replsim.protocol.Snapshot;
import dev.replsim.protocol.StreamRefused;
import dev.replsim.protocol.TimeoutNow;
import dev.replsim.protocol.Vote;
import dev.replsim.storage.Change;
import dev.replsim.storage.FullRowChange;
import dev.replsim.storage.PageWrite;
import dev.replsim.storage.RowChange;
import dev.replsim.storage.RowChanges;
import dev.replsim.storage.RowDelete;
import dev.replsim.storage.StatementChange;
import dev.replsim.storage.WalRecord;

/**
 * Tells Jackson how to write the protocol's sealed interfaces on the wire (a short type name per
 * record), without putting serialization annotations into the pure protocol and storage code.
 * Registered with Pekko through {@code pekko.serialization.jackson.jackson-modules}.
 */
public final class WireModule extends SimpleModule {

  public WireModule() {
    super("replsim-wire");
    setMixInAnnotation(Message.class, MessageMixin.class);
    setMixInAnnotation(Change.class, ChangeMixin.class);
    setMixInAnnotation(Entry.class, ArrayShape.class);
    setMixInAnnotation(RowChange.class, ArrayShape.class);
    setMixInAnnotation(FullRowChange.class, ArrayShape.class);
    setMixInAnnotation(RowDelete.class, ArrayShape.class);
    setMixInAnnotation(RowChanges.class, ArrayShape.class);
    setMixInAnnotation(StatementChange.class, ArrayShape.class);
    setMixInAnnotation(WalRecord.class, ArrayShape.class);
    setMixInAnnotation(PageWrite.class, ArrayShape.class);
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "t")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = AppendEntries.class, name = "append"),
    @JsonSubTypes.Type(value = Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = ResendRequest.class, name = "resend"),
    @JsonSubTypes.Type(value = Heartbeat.class, name = "heartbeat"),
    @JsonSubTypes.Type(value = Snapshot.class, name = "snapshot"),
    @JsonSubTypes.Type(value = StreamRefused.class, name = "refused"),
    @JsonSubTypes.Type(value = Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = LogMatch.class, name = "match"),
    @JsonSubTypes.Type(value = RequestVote.class, name = "request-vote"),
    @JsonSubTypes.Type(value = Vote.class, name = "vote"),
    @JsonSubTypes.Type(value = TimeoutNow.class, name = "timeout-now")
  })
  interface MessageMixin {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_ARRAY)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = RowChange.class, name = "row"),
    @JsonSubTypes.Type(value = FullRowChange.class, name = "row-full"),
    @JsonSubTypes.Type(value = RowDelete.class, name = "delete"),
    @JsonSubTypes.Type(value = RowChanges.class, name = "rows"),
    @JsonSubTypes.Type(value = StatementChange.class, name = "statement"),
    @JsonSubTypes.Type(value = WalRecord.class, name = "wal")
  })
  interface ChangeMixin {}

  /**
   * Entries travel by the hundred in one message: written as arrays of their components, in
   * declaration order, they carry no property names, which halves their size on the wire and
   * most of the cost of reading them. Every change form is written so, WAL's page bytes as CBOR
   * byte strings.
   */
  @JsonFormat(shape = JsonFormat.Shape.ARRAY)
  interface ArrayShape {}
}
