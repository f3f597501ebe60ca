package dev.replsim.protocol;

/**
 * How far a follower must have got with an entry before its ack counts towards a commit:
 * PostgreSQL's {@code remote_write}, {@code on} and {@code remote_apply}.
 */
public enum AckLevel {
  RECEIVED,
  DURABLE,
  APPLIED
}
