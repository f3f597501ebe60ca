package dev.replsim.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The README's size-model table, figure by figure: SET k123 to a 64-byte value. */
class SizeModelTest {

  private static final Statement.Assign SET = new Statement.Assign("k123", "c1-42", 64);

  @Test
  void aStatementIsItsTextWithTheLiteralAtItsModelledSize() {
    assertEquals(109, new StatementCapture(new KeyValueStore()).capture(SET, 0).sizeBytes());
    Statement update = new Statement.UpdatePrefix("k12", "c1-42", 64);
    assertEquals(140, update.sizeBytes());
  }

  @Test
  void rowImagesAreTheKeyAndValueWithTheirHeaders() {
    KeyValueStore db = new KeyValueStore();
    assertEquals(92, new RowCapture(db, RowImage.MINIMAL).capture(SET, 0).sizeBytes());
    assertEquals(168, new RowCapture(db, RowImage.FULL).capture(SET, 0).sizeBytes()); // with the old value
    assertEquals(28, new RowCapture(db, RowImage.MINIMAL).capture(new Statement.Delete("k123"), 0).sizeBytes());
  }

  @Test
  void aWalRecordCarriesTheTupleOrTheWholePageAfterACheckpoint() {
    WalCapture wal = new WalCapture(new PageStore(1, 1, RandomSource.NONE), 1_000_000);
    int first = wal.capture(SET, 0).sizeBytes();
    int next = wal.capture(SET, 1).sizeBytes();

    assertEquals(136, next);
    assertEquals(24 + 20 + 5 + 24 + 4 + 24 + 4 + 64, first); // a page of one row, logged whole
  }

  @Test
  void anEntryAndAMessageAddTheirFraming() {
    assertEquals(24, SizeModel.ENTRY_HEADER_BYTES);
    assertEquals(92, new RowChange("k123", "v", 64).sizeBytes());
    assertEquals(32, SizeModel.MESSAGE_HEADER_BYTES);
  }
}
