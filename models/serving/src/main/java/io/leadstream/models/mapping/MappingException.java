package io.leadstream.models.mapping;

/**
 * A mapping file is invalid, or names columns the export does not have. The message starts with the
 * mapping file's name and names the key ({@code features[2].type}) so the user can fix it without
 * reading code.
 */
public class MappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MappingException(String message) {
    super(message);
  }

  public MappingException(String message, Throwable cause) {
    super(message, cause);
  }
}
