package dev.replsim.storage;

/**
 * One statement of replsim's small database language, as a client sends it to the leader and as
 * statement-based replication ships it to followers:
 *
 * <pre>
 *   SET k1 = 'v'                             -- Assign
 *   SET k1 = NOW() | RAND() | UUID()         -- AssignCall: nondeterministic
 *   INCR k1 BY 5                             -- Increment
 *   DELETE k1                                -- Delete
 *   UPDATE SET value = 'v' WHERE key PREFIX 'k1'   -- UpdatePrefix: every row whose key starts so
 * </pre>
 *
 * <p>{@link #text()} renders a statement and {@link StatementParser} reads it back, so a follower
 * under statement replication re-executes exactly what the leader shipped. Keys are bare words
 * (letters, digits and {@code _ . : -}), as the workload's {@code k1 ... kN} are.
 */
public sealed interface Statement {

  /** The statement as text, as the client wrote it and statement replication ships it. */
  String text();

  /** Whether executing it gives the same result on every node that has the same rows. */
  boolean deterministic();

  /** The single key it writes, or null for a statement that may write many rows. */
  String key();

  /**
   * Its modelled length on the wire: the text, with a literal value counted at its modelled size
   * (values are short tags standing for {@code valueBytes} bytes, see {@link SizeModel}).
   */
  int sizeBytes();

  /** {@code SET key = 'value'}: sets one row to a literal value of {@code valueBytes} modelled bytes. */
  record Assign(String key, String value, int valueBytes) implements Statement {

    @Override
    public String text() {
      return "SET " + bare(key) + " = " + quote(value);
    }

    @Override
    public boolean deterministic() {
      return true;
    }

    @Override
    public int sizeBytes() {
      return SizeModel.statementBytes(text(), value, valueBytes);
    }
  }

  /** {@code SET key = NOW()} (or RAND(), UUID()): the executing node decides the value. */
  record AssignCall(String key, Call call) implements Statement {

    @Override
    public String text() {
      return "SET " + bare(key) + " = " + call.name() + "()";
    }

    @Override
    public boolean deterministic() {
      return false;
    }

    @Override
    public int sizeBytes() {
      return SizeModel.statementBytes(text(), "", 0);
    }
  }

  /** {@code INCR key BY by}: adds to a row's integer value; a missing or non-integer value counts as 0. */
  record Increment(String key, long by) implements Statement {

    @Override
    public String text() {
      return "INCR " + bare(key) + " BY " + by;
    }

    @Override
    public boolean deterministic() {
      return true;
    }

    @Override
    public int sizeBytes() {
      return SizeModel.statementBytes(text(), "", 0);
    }
  }

  /** {@code DELETE key}: removes one row, if it exists. */
  record Delete(String key) implements Statement {

    @Override
    public String text() {
      return "DELETE " + bare(key);
    }

    @Override
    public boolean deterministic() {
      return true;
    }

    @Override
    public int sizeBytes() {
      return SizeModel.statementBytes(text(), "", 0);
    }
  }

  /**
   * {@code UPDATE SET value = 'value' WHERE key PREFIX 'prefix'}: sets every existing row whose
   * key starts with {@code prefix}. One short statement, many rows: where statement replication
   * ships far fewer bytes than row images.
   */
  record UpdatePrefix(String prefix, String value, int valueBytes) implements Statement {

    @Override
    public String text() {
      return "UPDATE SET value = " + quote(value) + " WHERE key PREFIX " + quote(prefix);
    }

    @Override
    public boolean deterministic() {
      return true;
    }

    @Override
    public String key() {
      return null;
    }

    @Override
    public int sizeBytes() {
      return SizeModel.statementBytes(text(), value, valueBytes);
    }
  }

  /** The nondeterministic functions: each node evaluates them with its own clock and random stream. */
  enum Call {
    /** The executing node's clock, in microseconds since the run began. */
    NOW,
    /** A number in [0, 1) from the executing node's random stream. */
    RAND,
    /** A random (version 4) UUID from the executing node's random stream. */
    UUID;

    /** The modelled size of the value it yields: a timestamp, a double, a 128-bit UUID. */
    int valueBytes() {
      return this == UUID ? 16 : 8;
    }
  }

  /** A string literal in single quotes, a quote inside doubled: {@code 'it''s'}. */
  static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** Whether {@code word} can be a key: letters, digits and {@code _ . : -}. A loop rather than a regex: it runs for every write. */
  static boolean isKey(String word) {
    if (word == null || word.isEmpty()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == ':' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * The key, if it can be written as a bare word in a statement's text. Checked here, where text
   * is written, rather than for every statement made: most are never written as text.
   */
  private static String bare(String key) {
    if (!isKey(key)) {
      throw new IllegalStateException(
          "key " + key + " cannot be written in a statement: keys are letters, digits and _ . : -");
    }
    return key;
  }
}
