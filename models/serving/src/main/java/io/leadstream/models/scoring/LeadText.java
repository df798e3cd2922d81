package io.leadstream.models.scoring;

import io.leadstream.schema.LeadEvent;

/** The free text of a lead as the text model reads it: notes, then the last message. */
public final class LeadText {
  private LeadText() {}

  /** Notes and last message joined by a blank line; empty when the lead has neither. */
  public static String of(LeadEvent event) {
    String notes = event.getNotes() == null ? "" : event.getNotes().strip();
    String message = event.getLastMessage() == null ? "" : event.getLastMessage().strip();
    if (notes.isEmpty()) {
      return message;
    }
    return message.isEmpty() ? notes : notes + "\n\n" + message;
  }
}
