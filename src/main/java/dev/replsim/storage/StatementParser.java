package dev.replsim.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the text of a {@link Statement} back into a statement: what a follower does with each
 * statement that statement-based replication ships. Keywords are case-insensitive; keys are bare
 * words; values are single-quoted, a quote inside doubled. A literal's modelled size is its length
 * here; {@link StatementChange#statement()} restores the size the leader modelled.
 */
public final class StatementParser {

  private StatementParser() {}

  /** @throws IllegalArgumentException if the text is not a statement of the language */
  public static Statement parse(String text) {
    List<String> t = tokens(text);
    String verb = t.isEmpty() ? "" : t.get(0).toUpperCase(Locale.ROOT);
    switch (verb) {
      case "SET":
        expect(t, text, 2, "=");
        String key = key(t, 1, text);
        if (t.size() == 4 && isLiteral(t.get(3))) {
          String value = literal(t.get(3));
          return new Statement.Assign(key, value, SizeModel.utf8Length(value));
        }
        return new Statement.AssignCall(key, call(t, text));
      case "INCR":
        expect(t, text, 2, "BY");
        if (t.size() != 4) {
          throw bad(text, "write INCR k BY n");
        }
        try {
          return new Statement.Increment(key(t, 1, text), Long.parseLong(t.get(3)));
        } catch (NumberFormatException e) {
          throw bad(text, "INCR needs a whole number after BY");
        }
      case "DELETE":
        if (t.size() != 2) {
          throw bad(text, "DELETE takes one key");
        }
        return new Statement.Delete(key(t, 1, text));
      case "UPDATE":
        List<String> shape = List.of("UPDATE", "SET", "VALUE", "=", "?", "WHERE", "KEY", "PREFIX", "?");
        for (int i = 0; i < shape.size(); i++) {
          boolean ok = i < t.size() && (shape.get(i).equals("?") ? isLiteral(t.get(i))
              : shape.get(i).equalsIgnoreCase(t.get(i)));
          if (!ok || t.size() != shape.size()) {
            throw bad(text, "write UPDATE SET value = 'v' WHERE key PREFIX 'p'");
          }
        }
        String v = literal(t.get(4));
        return new Statement.UpdatePrefix(literal(t.get(8)), v, SizeModel.utf8Length(v));
      default:
        throw bad(text, "a statement starts with SET, INCR, DELETE or UPDATE");
    }
  }

  /** Words, {@code = ( )}, and quoted literals (kept with their quotes). */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '=' || c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        int end = i + 1;
        while (true) {
          if (end >= text.length()) {
            throw bad(text, "a quoted value is not closed");
          }
          if (text.charAt(end) == '\'') {
            if (end + 1 < text.length() && text.charAt(end + 1) == '\'') {
              end += 2;
              continue;
            }
            break;
          }
          end++;
        }
        tokens.add(text.substring(i, end + 1));
        i = end + 1;
      } else {
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))
            && "=()'".indexOf(text.charAt(end)) < 0) {
          end++;
        }
        tokens.add(text.substring(i, end));
        i = end;
      }
    }
    return tokens;
  }

  private static Statement.Call call(List<String> t, String text) {
    if (t.size() == 6 && t.get(4).equals("(") && t.get(5).equals(")")) {
      for (Statement.Call call : Statement.Call.values()) {
        if (call.name().equalsIgnoreCase(t.get(3))) {
          return call;
        }
      }
    }
    throw bad(text, "a value is a quoted literal, NOW(), RAND() or UUID()");
  }

  private static void expect(List<String> t, String text, int at, String word) {
    if (t.size() <= at + 1 || !t.get(at).equalsIgnoreCase(word)) {
      throw bad(text, "expected " + word + " after " + t.get(0).toUpperCase(Locale.ROOT) + " and a key");
    }
  }

  private static String key(List<String> t, int at, String text) {
    if (!Statement.isKey(t.get(at))) {
      throw bad(text, "not a key: " + t.get(at));
    }
    return t.get(at);
  }

  private static boolean isLiteral(String token) {
    return token.length() >= 2 && token.startsWith("'") && token.endsWith("'");
  }

  private static String literal(String token) {
    return token.substring(1, token.length() - 1).replace("''", "'");
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException("cannot parse statement \"" + text + "\": " + why);
  }
}
