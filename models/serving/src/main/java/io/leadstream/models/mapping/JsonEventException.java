package io.leadstream.models.mapping;

/**
 * A CRM's JSON event cannot be read through its mapping. The message says what is wrong and where
 * (the parser's line and column, or the dotted path), never what the event's text says.
 */
public class JsonEventException extends CrmExportException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the event. */
  public enum Kind {
    /** The bytes are not valid UTF-8 (JSON must be). */
    BAD_UTF8,
    /** Not valid JSON, or JSON that is not one object. */
    NOT_JSON,
    /** The mapping's id path is absent, null, blank or a missing spelling. */
    MISSING_ID,
    /** A mapped path holds what its use cannot read: a word for a number, an array, ... */
    INVALID_FIELD
  }

  private final Kind kind;

  public JsonEventException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public JsonEventException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
