package dev.replsim.api;

/** A run that could not finish (its cluster did not form, or virtual time stood still); not bad input. */
public final class SimulationFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SimulationFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
