package io.leadstream.app.streams.processors;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.schema.Company;
import io.leadstream.schema.CooperationHistory;
import io.leadstream.schema.Engagement;
import io.leadstream.schema.LeadEvent;
import java.nio.charset.StandardCharsets;

/**
 * Checks a decoded lead event for values no CRM should send (strings were checked for valid UTF-8
 * while decoding). Throws {@link InvalidLeadException} naming the first problem; messages name
 * fields and numbers, never text or contact data.
 */
public final class LeadValidator implements RecordValidator<LeadEvent> {

  private final int textMaxBytes;

  public LeadValidator(int textMaxBytes) {
    this.textMaxBytes = textMaxBytes;
  }

  /**
   * @param key the Kafka record key, which must equal the event's leadId
   * @throws InvalidLeadException on the first problem found
   */
  @Override
  public void validate(String key, LeadEvent event) {
    FieldChecks.checkIds(key, event.getLeadId(), event.getEventId());
    checkText("notes", event.getNotes());
    checkText("lastMessage", event.getLastMessage());
    FieldChecks.checkOccurredAt(event.getOccurredAt());
    FieldChecks.checkNonNegative("budget", event.getBudget());
    if (event.getPurchaseIntent() != null
        && (event.getPurchaseIntent() < 1 || event.getPurchaseIntent() > 5)) {
      throw FieldChecks.invalid(
          DeadLetterReason.INVALID_FIELD,
          "purchaseIntent must be 1 to 5, was " + event.getPurchaseIntent());
    }
    Company company = event.getCompany();
    if (company != null) {
      FieldChecks.checkNonNegative("company.employees", company.getEmployees());
      FieldChecks.checkNonNegative("company.annualRevenue", company.getAnnualRevenue());
    }
    CooperationHistory cooperation = event.getCooperation();
    if (cooperation != null) {
      FieldChecks.checkNonNegative("cooperation.priorDeals", cooperation.getPriorDeals());
      FieldChecks.checkNonNegative("cooperation.priorRevenue", cooperation.getPriorRevenue());
    }
    Engagement engagement = event.getEngagement();
    if (engagement != null) {
      FieldChecks.checkNonNegative("engagement.websiteVisits", engagement.getWebsiteVisits());
      FieldChecks.checkNonNegative("engagement.emailsOpened", engagement.getEmailsOpened());
      FieldChecks.checkNonNegative("engagement.meetings", engagement.getMeetings());
      FieldChecks.checkNonNegative(
          "engagement.daysSinceLastContact", engagement.getDaysSinceLastContact());
    }
  }

  private void checkText(String field, String text) {
    if (text == null) {
      return;
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > textMaxBytes) {
      throw FieldChecks.invalid(
          DeadLetterReason.TEXT_TOO_LONG,
          field + " is " + bytes + " bytes, over the cap of " + textMaxBytes + " bytes");
    }
  }
}
