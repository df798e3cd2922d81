package io.leadstream.models.inference;

/** The text encoder failed to run on a batch of texts. */
public class TextEncodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TextEncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
