package io.leadstream.app.streams.errors;

/**
 * The model bundle cannot score at all (it fails on the canary leads too, or no scorer can be
 * opened on it). Not the record's fault: the task must stop, not dead-letter the record.
 */
public class ModelFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
