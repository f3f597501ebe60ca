package dev.replsim.sim;

/** The run itself failed (the cluster did not form, a node died unexpectedly): exit code 1. */
public final class RunFailedException extends Exception {

  public RunFailedException(String message) {
    super(message);
  }

  public RunFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
