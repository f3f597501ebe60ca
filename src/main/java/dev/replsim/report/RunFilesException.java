package dev.replsim.report;

/**
 * A directory that is not a finished run, or a result file in it that cannot be read; the message
 * names the file and what is wrong, and the command line turns it into exit code 2.
 */
public final class RunFilesException extends Exception {

  public RunFilesException(String message) {
    super(message);
  }

  public RunFilesException(String message, Throwable cause) {
    super(message, cause);
  }
}
