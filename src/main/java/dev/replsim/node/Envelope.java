package dev.replsim.node;

import dev.replsim.protocol.Message;

/**
 * A protocol message on its way between two nodes: when it was sent and the delivery instant its
 * link sampled, on the run clock. The live shell carries it over Artery to the receiver's actor,
 * which holds it until that instant; the virtual driver queues it for exactly that instant.
 */
public record Envelope(long sentAtMicros, long deliverAtMicros, Message message)
    implements ReplicaNode.Command, CborSerializable {}
