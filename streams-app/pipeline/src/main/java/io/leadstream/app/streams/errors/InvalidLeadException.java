package io.leadstream.app.streams.errors;

/**
 * A record LeadStream cannot accept. Thrown by processors and turned into a dead letter by {@link
 * DeadLetterHandler}; the message must not contain lead text or contact data.
 */
public class InvalidLeadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final DeadLetterReason reason;

  public InvalidLeadException(DeadLetterReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public InvalidLeadException(DeadLetterReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public DeadLetterReason reason() {
    return reason;
  }
}
