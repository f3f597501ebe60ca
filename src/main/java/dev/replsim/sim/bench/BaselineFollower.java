package dev.replsim.sim.bench;

import dev.replsim.node.CborSerializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The follower of the bare baseline: applies shipped entries to a map and acks the last LSN once
 * per burst of messages (as replsim's followers do), with none of replsim's protocol, emulation or
 * recording.
 */
final class BaselineFollower {

  /** What the baseline follower accepts. */
  interface Command {}

  /** Entries shipped by the baseline leader. */
  record Ship(List<Row> rows, ActorRef<BaselineLeader.Command> replyTo) implements Command, CborSerializable {}

  /** One shipped row. */
  record Row(long lsn, String key, String value) {}

  private enum AckNow implements Command { INSTANCE }

  private BaselineFollower() {}

  static Behavior<Command> create(String name) {
    return Behaviors.setup(ctx -> {
      Map<String, String> store = new HashMap<>();
      long[] last = {0};
      boolean[] ackPending = {false};
      @SuppressWarnings("unchecked")
      ActorRef<BaselineLeader.Command>[] leader = new ActorRef[1];
      return Behaviors.receive(Command.class)
          .onMessage(Ship.class, ship -> {
            for (Row row : ship.rows()) {
              store.put(row.key(), row.value());
              last[0] = row.lsn();
            }
            leader[0] = ship.replyTo();
            if (!ackPending[0]) {
              ackPending[0] = true;
              ctx.getSelf().tell(AckNow.INSTANCE);
            }
            return Behaviors.same();
          })
          .onMessageEquals(AckNow.INSTANCE, () -> {
            ackPending[0] = false;
            leader[0].tell(new BaselineLeader.Acked(name, last[0]));
            return Behaviors.same();
          })
          .build();
    });
  }
}
