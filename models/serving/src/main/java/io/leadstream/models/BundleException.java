package io.leadstream.models;

/** A model bundle cannot be loaded or used; the message names the file and what is wrong. */
public class BundleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
