package dev.replsim.protocol;

/**
 * Which standbys' acks a semi-sync commit waits for, as PostgreSQL's
 * {@code synchronous_standby_names} says it: {@code ANY k (list)} or {@code FIRST k (list)}.
 */
public enum Quorum {
  /** Any k standbys of the list: the commit waits for the k-th fastest. */
  ANY,
  /** The first k standbys of the list, in priority order, however slow they are. */
  FIRST
}
