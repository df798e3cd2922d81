package io.leadstream.models.training;

/** The data cannot give a model worth shipping; the message says why and what to do. */
public final class TrainingRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrainingRefusedException(String message) {
    super(message);
  }
}
