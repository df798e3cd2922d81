package io.leadstream.models.mapping;

/**
 * A CRM export cannot be read through its mapping. The message starts with the export's file name
 * and, for cell problems, the line ({@code export.csv line 17: ...}); problems of one kind are
 * collected into one message (first few shown, with the total) rather than reported one by one.
 */
public class CrmExportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CrmExportException(String message) {
    super(message);
  }

  public CrmExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
