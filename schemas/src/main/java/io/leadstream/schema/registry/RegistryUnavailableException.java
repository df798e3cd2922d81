package io.leadstream.schema.registry;

/**
 * The schema registry could not be reached, or kept answering 5xx, for {@link
 * RegistrySettings#retryFor()}: infrastructure, never a property of the record being read.
 */
public final class RegistryUnavailableException extends RegistryException {

  RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  RegistryUnavailableException(String message, int status, int errorCode) {
    super(message, status, errorCode);
  }
}
