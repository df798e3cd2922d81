package io.leadstream.schema.registry;

/**
 * The schema registry answered a request with an error: the HTTP status, Confluent's {@code
 * error_code} (40403 for an unknown schema id, 409 for an incompatible schema, ...) and its
 * message.
 */
public class RegistryException extends RuntimeException {

  /** Confluent's error code for a schema id the registry does not hold. */
  public static final int SCHEMA_NOT_FOUND = 40403;

  /** Confluent's error code for a subject the registry does not hold. */
  public static final int SUBJECT_NOT_FOUND = 40401;

  /** Confluent's error code for an invalid schema; also a schema id that is not an Avro schema. */
  public static final int INVALID_SCHEMA = 42201;

  private final int status;
  private final int errorCode;

  public RegistryException(String message, int status, int errorCode) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  RegistryException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
    this.errorCode = -1;
  }

  /** The HTTP status, or -1 when no answer came. */
  public int status() {
    return status;
  }

  /** Confluent's {@code error_code}, or the HTTP status when the answer had none. */
  public int errorCode() {
    return errorCode;
  }
}
