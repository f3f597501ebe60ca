package dev.replsim.scenario;

/**
 * Bad input a user can act on: a scenario file, a {@code --set} override or a command-line value.
 * The message names the file, line and key, the bad value and what is allowed; the CLI prints it
 * as it is and exits with code 2, never with a stack trace.
 */
public final class ScenarioException extends RuntimeException {

  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
