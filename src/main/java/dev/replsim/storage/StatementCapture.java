package dev.replsim.storage;

/**
 * Statement-based replication (MySQL's {@code binlog_format = STATEMENT}): the leader ships the
 * statement's text and every follower executes it again. Compact, but only as deterministic as
 * the statement: NOW(), RAND() and UUID() come out differently on each follower.
 *
 * <p>Real MySQL writes the session's timestamp and RAND() seed next to the statement, which keeps
 * those two (not UUID()) consistent; replsim ships the bare text, so all three diverge.
 */
public final class StatementCapture implements ChangeCapture {

  private final Database database;

  public StatementCapture(Database database) {
    this.database = database;
  }

  @Override
  public Change capture(Statement statement, long nowMicros, BeforeImages before) {
    BeforeImages.report(database.execute(statement, nowMicros), before);
    return new StatementChange(statement.text(), statement.sizeBytes());
  }

  @Override
  public Database database() {
    return database;
  }
}
