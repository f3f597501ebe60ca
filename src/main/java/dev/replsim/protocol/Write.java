package dev.replsim.protocol;

import dev.replsim.storage.Statement;

/**
 * A client's write as it reaches the leader's protocol core.
 *
 * @param client an opaque handle the driver uses to route the outcome back (an actor
 *     reference in the live driver); the core never looks inside it
 * @param requestId the client's identifier for this write, echoed in the outcome
 * @param statement what to execute
 */
public record Write(Object client, long requestId, Statement statement) {

  /** {@code SET key = 'value'}, the value modelled as {@code valueBytes} bytes. */
  public Write(Object client, long requestId, String key, String value, int valueBytes) {
    this(client, requestId, new Statement.Assign(key, value, valueBytes));
  }
}
