package dev.replsim.cli;

/** The process exit codes of {@code replsim}, as the output contract defines them; scripts rely on them. */
public final class ExitCode {

  /** The command did what it was asked: the run finished and its results are written. */
  public static final int OK = 0;

  /** The run itself failed (the cluster did not form, a node died, results could not be written). */
  public static final int RUN_FAILED = 1;

  /** Bad input: a scenario error, a bad flag or value, an output directory that is refused. */
  public static final int BAD_INPUT = 2;

  private ExitCode() {}
}
