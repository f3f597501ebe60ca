package dev.replsim.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * Logical (row-based) replication: the leader ships the rows a statement changed, as images, so a
 * follower applies values, never statements, and every replica agrees whatever the statement
 * drew from the leader's clock or random stream. Works whatever the followers' storage versions.
 */
public final class RowCapture implements ChangeCapture {

  private final Database database;
  private final RowImage image;

  public RowCapture(Database database, RowImage image) {
    this.database = database;
    this.image = image;
  }

  @Override
  public Change capture(Statement statement, long nowMicros, BeforeImages before) {
    if (image == RowImage.MINIMAL && statement instanceof Statement.Assign) {
      // the hot path of the default workload: no effect list, one row image
      Statement.Assign a = (Statement.Assign) statement;
      RowChange row = new RowChange(a.key(), a.value(), a.valueBytes());
      before.before(a.key(), database.put(a.key(), row)); // the image is the row
      return row;
    }
    List<RowEffect> effects = database.execute(statement, nowMicros);
    BeforeImages.report(effects, before);
    return images(effects);
  }

  /** The images of the rows a statement changed: one image, or all of them together. */
  Change images(List<RowEffect> effects) {
    if (effects.size() == 1) {
      return image(effects.get(0));
    }
    List<Change> rows = new ArrayList<>(effects.size());
    for (RowEffect effect : effects) {
      rows.add(image(effect));
    }
    return new RowChanges(rows);
  }

  private Change image(RowEffect e) {
    Row before = image == RowImage.FULL ? e.before() : null;
    String oldValue = before == null ? null : before.value();
    int oldValueBytes = before == null ? 0 : before.valueBytes();
    if (e.after() == null) {
      return new RowDelete(e.key(), oldValue, oldValueBytes);
    }
    if (image == RowImage.FULL) {
      return new FullRowChange(e.key(), oldValue, oldValueBytes, e.after().value(), e.after().valueBytes());
    }
    return new RowChange(e.key(), e.after().value(), e.after().valueBytes());
  }

  @Override
  public Database database() {
    return database;
  }
}
