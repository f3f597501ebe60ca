package dev.replsim.node;

/**
 * Marks the messages that cross Artery between nodes; {@code application.conf} binds it to
 * Pekko's {@code jackson-cbor} serializer.
 */
public interface CborSerializable {}
