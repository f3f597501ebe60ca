package dev.replsim.storage;

/**
 * A statement as statement-based replication ships it: its text, which each follower parses and
 * executes again, with its own clock and random stream.
 *
 * @param text the statement, e.g. {@code SET k1 = NOW()}
 * @param sizeBytes its modelled size, computed once by the leader (see {@link Statement#sizeBytes()})
 */
public record StatementChange(String text, int sizeBytes) implements Change {

  /** The statement the leader executed, parsed from the text; a literal keeps its modelled size. */
  public Statement statement() {
    Statement parsed = StatementParser.parse(text);
    if (parsed instanceof Statement.Assign) {
      Statement.Assign a = (Statement.Assign) parsed;
      return new Statement.Assign(a.key(), a.value(), modelledValueBytes(a.value()));
    } else if (parsed instanceof Statement.UpdatePrefix) {
      Statement.UpdatePrefix u = (Statement.UpdatePrefix) parsed;
      return new Statement.UpdatePrefix(u.prefix(), u.value(), modelledValueBytes(u.value()));
    }
    return parsed;
  }

  /** Inverts {@link SizeModel#statementBytes}: what the literal was counted as. */
  private int modelledValueBytes(String value) {
    return sizeBytes - SizeModel.statementBytes(text, value, 0);
  }
}
