package dev.replsim.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The statement language: its text, and reading the text back as a follower does. */
class StatementTest {

  private static final List<Statement> EVERY_KIND = List.of(
      new Statement.Assign("k1", "it's", 4),
      new Statement.AssignCall("k2", Statement.Call.NOW),
      new Statement.AssignCall("k3", Statement.Call.RAND),
      new Statement.AssignCall("k4", Statement.Call.UUID),
      new Statement.Increment("k5", -3),
      new Statement.Delete("k6"),
      new Statement.UpdatePrefix("k1", "v", 1));

  @Test
  void everyStatementReadsBackFromItsText() {
    for (Statement s : EVERY_KIND) {
      assertEquals(s, StatementParser.parse(s.text()), s.text());
    }
  }

  @Test
  void textIsSqlLike() {
    assertEquals("SET k1 = 'it''s'", EVERY_KIND.get(0).text());
    assertEquals("SET k2 = NOW()", EVERY_KIND.get(1).text());
    assertEquals("INCR k5 BY -3", EVERY_KIND.get(4).text());
    assertEquals("DELETE k6", EVERY_KIND.get(5).text());
    assertEquals("UPDATE SET value = 'v' WHERE key PREFIX 'k1'", EVERY_KIND.get(6).text());
  }

  @Test
  void onlyTheFunctionsAreNondeterministic() {
    for (Statement s : EVERY_KIND) {
      assertEquals(!(s instanceof Statement.AssignCall), s.deterministic(), s.text());
    }
  }

  @Test
  void keywordsAreCaseInsensitive() {
    assertEquals(new Statement.AssignCall("k", Statement.Call.UUID), StatementParser.parse("set k = uuid ( )"));
    assertEquals(new Statement.Increment("k", 2), StatementParser.parse("incr k by 2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "GET k", "SET k 'v'", "SET k = v", "SET k = 'v", "SET k = TODAY()",
      "INCR k BY two", "INCR k", "DELETE", "DELETE a b", "UPDATE SET value = 'v' WHERE key LIKE 'k'",
      "SET 'k' = 'v'"})
  void textThatIsNoStatementIsRefused(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StatementParser.parse(text));
    assertTrue(e.getMessage().startsWith("cannot parse statement"), e.getMessage());
  }

  @Test
  void keysAreBareWords() {
    assertTrue(Statement.isKey("user:42_a.b-c"));
    assertFalse(Statement.isKey("a b"));
    assertFalse(Statement.isKey(""));
    assertThrows(IllegalStateException.class, () -> new Statement.Delete("it's").text());
  }

  @Test
  void aShippedLiteralKeepsTheSizeTheLeaderModelled() {
    Statement.Assign set = new Statement.Assign("k1", "c1-9", 64);
    StatementChange shipped = new StatementChange(set.text(), set.sizeBytes());
    assertEquals(set, shipped.statement());
    Statement.UpdatePrefix update = new Statement.UpdatePrefix("k1", "c2-1", 100);
    assertEquals(update, new StatementChange(update.text(), update.sizeBytes()).statement());
  }
}
