package dev.replsim.sim.bench;

import dev.replsim.node.CborSerializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The follower of the bare baseline: applies shipped entries to a map and acks the last LSN,
 * with none of replsim's protocol, emulation or recording.
 */
final class BaselineFollower {

  /** What the baseline follower accepts. */
  interface Command {}

  /** Entries shipped by the baseline leader. */
  record Ship(List<Row> rows, ActorRef<BaselineLeader.Command> replyTo) implements Command, CborSerializable {}

  /** One shipped row. */
  record Row(long lsn, String key, String value) {}

  private BaselineFollower() {}

  static Behavior<Command> create(String name) {
    Map<String, String> store = new HashMap<>();
    return Behaviors.receive(Command.class)
        .onMessage(Ship.class, ship -> {
          long last = 0;
          for (Row row : ship.rows()) {
            store.put(row.key(), row.value());
            last = row.lsn();
          }
          ship.replyTo().tell(new BaselineLeader.Acked(name, last));
          return Behaviors.same();
        })
        .build();
  }
}
