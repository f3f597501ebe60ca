package dev.replsim.storage;

/**
 * How a leader's database turns each statement it executes into the change it ships: the
 * statement itself, row images, or physical page writes. One implementation per replication
 * method, like MySQL's binlog formats (STATEMENT, ROW, MIXED) and PostgreSQL's WAL.
 */
public interface ChangeCapture {

  /**
   * Executes the statement on the leader's database, with the leader's clock and random stream,
   * and returns what to ship for it.
   *
   * @param before hears each changed row as it was before the statement
   */
  Change capture(Statement statement, long nowMicros, BeforeImages before);

  /** {@link #capture(Statement, long, BeforeImages)}, ignoring the before images. */
  default Change capture(Statement statement, long nowMicros) {
    return capture(statement, nowMicros, BeforeImages.IGNORE);
  }

  /** The database it executes on. */
  Database database();
}
