package dev.replsim.storage;

/**
 * Mixed replication (MySQL's {@code binlog_format = MIXED}): statements, which are compact, except
 * those whose result depends on the node that executes them (NOW(), RAND(), UUID()), which go as
 * row images. Replicas agree, and most writes still ship as short statements.
 */
public final class MixedCapture implements ChangeCapture {

  private final Database database;
  private final RowCapture rows;

  public MixedCapture(Database database, RowImage image) {
    this.database = database;
    this.rows = new RowCapture(database, image);
  }

  @Override
  public Change capture(Statement statement, long nowMicros, BeforeImages before) {
    if (!statement.deterministic()) {
      return rows.capture(statement, nowMicros, before);
    }
    BeforeImages.report(database.execute(statement, nowMicros), before);
    return new StatementChange(statement.text(), statement.sizeBytes());
  }

  @Override
  public Database database() {
    return database;
  }
}
