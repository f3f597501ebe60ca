package dev.replsim.storage;

import java.util.List;

/**
 * The row images of one statement that changed several rows (or none), in key order, as MySQL
 * puts the rows of one statement into one rows event.
 *
 * @param rows {@link RowChange}, {@link FullRowChange} or {@link RowDelete} images
 */
public record RowChanges(List<Change> rows) implements Change {

  public RowChanges {
    rows = List.copyOf(rows);
  }

  @Override
  public int sizeBytes() {
    int bytes = 0;
    for (Change row : rows) {
      bytes += row.sizeBytes();
    }
    return bytes;
  }
}
