package dev.replsim.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What statements do to a database, the same whether it keeps rows in a map or in pages. */
class DatabaseTest {

  static List<Database> databases() {
    return List.of(
        new KeyValueStore(1, new SplittableRandom(1)::nextLong),
        new PageStore(1, 4, new SplittableRandom(1)::nextLong),
        new PageStore(2, 4, new SplittableRandom(1)::nextLong));
  }

  private static List<RowEffect> run(Database db, String statement) {
    return db.execute(StatementParser.parse(statement), 7_000_000);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void setIncrAndDeleteChangeOneRowAndReportItsImages(Database db) {
    assertEquals(List.of(new RowEffect("k1", null, Row.of("a", 1))), run(db, "SET k1 = 'a'"));
    assertEquals(List.of(new RowEffect("k1", Row.of("a", 1), Row.of("5", 8))), run(db, "INCR k1 BY 5"));
    run(db, "INCR k1 BY 2");
    assertEquals("7", db.value("k1"));
    assertEquals(List.of(new RowEffect("k1", Row.of("7", 8), null)), run(db, "DELETE k1"));
    assertEquals(List.of(), run(db, "DELETE k1"));
    assertNull(db.get("k1"));
    assertEquals("3", run(db, "INCR k2 BY 3").get(0).after().value());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void updateByPrefixChangesEveryExistingRowWithThatPrefixInKeyOrder(Database db) {
    for (String key : List.of("k1", "k12", "k2", "k10", "k13")) {
      run(db, "SET " + key + " = 'old'");
    }
    List<RowEffect> effects = run(db, "UPDATE SET value = 'new' WHERE key PREFIX 'k1'");
    assertEquals(List.of("k1", "k10", "k12", "k13"), effects.stream().map(RowEffect::key).toList());
    assertEquals("new", db.value("k13"));
    assertEquals("old", db.value("k2"));
    assertEquals(5, db.size());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void nondeterministicFunctionsUseTheNodesClockAndStream(Database db) {
    assertEquals("7000000", run(db, "SET k = NOW()").get(0).after().value());
    String rand = run(db, "SET k = RAND()").get(0).after().value();
    double r = Double.parseDouble(rand);
    assertTrue(r >= 0 && r < 1, rand);
    String uuid = run(db, "SET k = UUID()").get(0).after().value();
    assertEquals(4, java.util.UUID.fromString(uuid).version());
    assertEquals(16, db.get("k").valueBytes());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void digestsAgreeForTheSameRowsWhateverTheOrderOfWrites(Database db) {
    KeyValueStore other = new KeyValueStore();
    run(db, "SET a = '1'");
    run(db, "SET b = '2'");
    other.execute(new Statement.Assign("b", "2", 1), 0);
    other.execute(new Statement.Assign("a", "1", 1), 0);
    assertEquals(other.digest(), db.digest());
    assertEquals(other.bucketDigests(8)[RowDigest.bucket("a", 8)], db.bucketDigests(8)[RowDigest.bucket("a", 8)]);
    run(db, "SET b = '3'");
    assertNotEquals(other.digest(), db.digest());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void rowsOfSomeBucketsCanBeSampledBoundedly(Database db) {
    for (int i = 0; i < 100; i++) {
      run(db, "SET k" + i + " = 'v" + i + "'");
    }
    int bucket = RowDigest.bucket("k42", 16);
    var rows = db.rowsIn(Set.of(bucket), 16, 3);
    assertEquals(3, rows.size());
    rows.keySet().forEach(k -> assertEquals(bucket, RowDigest.bucket(k, 16)));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void twoNodesDrawDifferentRandomValues(Database db) {
    Database other = new KeyValueStore(1, new SplittableRandom(2)::nextLong);
    Statement uuid = new Statement.AssignCall("k", Statement.Call.UUID);
    assertNotEquals(db.execute(uuid, 0), other.execute(uuid, 0));
  }

  @org.junit.jupiter.api.Test
  void aDatabaseWithoutAStreamRefusesRandomFunctions() {
    KeyValueStore plain = new KeyValueStore();
    assertThrows(IllegalStateException.class, () -> run(plain, "SET k = RAND()"));
    assertEquals("7000000", run(plain, "SET k = NOW()").get(0).after().value());
  }
}
