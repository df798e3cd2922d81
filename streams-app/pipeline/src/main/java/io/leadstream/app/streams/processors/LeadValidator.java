package io.leadstream.app.streams.processors;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.schema.Company;
import io.leadstream.schema.CooperationHistory;
import io.leadstream.schema.Engagement;
import io.leadstream.schema.LeadEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Checks a decoded lead event for values no CRM should send (strings were checked for valid UTF-8
 * while decoding). Throws {@link InvalidLeadException} naming the first problem; messages name
 * fields and numbers, never text or contact data.
 */
public final class LeadValidator {

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private final int textMaxBytes;

  public LeadValidator(int textMaxBytes) {
    this.textMaxBytes = textMaxBytes;
  }

  /**
   * @param key the Kafka record key, which must equal the event's leadId
   * @throws InvalidLeadException on the first problem found
   */
  public void validate(String key, LeadEvent event) {
    if (isBlank(event.getLeadId())) {
      throw invalid(DeadLetterReason.MISSING_LEAD_ID, "leadId is missing or blank");
    }
    if (isBlank(event.getEventId())) {
      throw invalid(DeadLetterReason.MISSING_EVENT_ID, "eventId is missing or blank");
    }
    if (!event.getLeadId().equals(key)) {
      throw invalid(
          DeadLetterReason.KEY_MISMATCH,
          key == null
              ? "record key is null; it must be the leadId so all events of a lead stay on one partition"
              : "record key differs from leadId; it must be the leadId so all events of a lead stay on one partition");
    }
    checkText("notes", event.getNotes());
    checkText("lastMessage", event.getLastMessage());
    checkRange("occurredAt", event.getOccurredAt(), EARLIEST, LATEST);
    checkNonNegative("budget", event.getBudget());
    if (event.getPurchaseIntent() != null
        && (event.getPurchaseIntent() < 1 || event.getPurchaseIntent() > 5)) {
      throw invalid(
          DeadLetterReason.INVALID_FIELD,
          "purchaseIntent must be 1 to 5, was " + event.getPurchaseIntent());
    }
    Company company = event.getCompany();
    if (company != null) {
      checkNonNegative("company.employees", company.getEmployees());
      checkNonNegative("company.annualRevenue", company.getAnnualRevenue());
    }
    CooperationHistory cooperation = event.getCooperation();
    if (cooperation != null) {
      checkNonNegative("cooperation.priorDeals", cooperation.getPriorDeals());
      checkNonNegative("cooperation.priorRevenue", cooperation.getPriorRevenue());
    }
    Engagement engagement = event.getEngagement();
    if (engagement != null) {
      checkNonNegative("engagement.websiteVisits", engagement.getWebsiteVisits());
      checkNonNegative("engagement.emailsOpened", engagement.getEmailsOpened());
      checkNonNegative("engagement.meetings", engagement.getMeetings());
      checkNonNegative("engagement.daysSinceLastContact", engagement.getDaysSinceLastContact());
    }
  }

  private void checkText(String field, String text) {
    if (text == null) {
      return;
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > textMaxBytes) {
      throw invalid(
          DeadLetterReason.TEXT_TOO_LONG,
          field + " is " + bytes + " bytes, over the cap of " + textMaxBytes + " bytes");
    }
  }

  private static void checkRange(String field, Instant value, Instant earliest, Instant latest) {
    if (value.isBefore(earliest) || !value.isBefore(latest)) {
      throw invalid(
          DeadLetterReason.INVALID_FIELD,
          field + " must lie between " + earliest + " and " + latest + ", was " + value);
    }
  }

  private static void checkNonNegative(String field, Number value) {
    if (value == null) {
      return;
    }
    double v = value.doubleValue();
    if (Double.isNaN(v) || Double.isInfinite(v) || v < 0) {
      throw invalid(
          DeadLetterReason.INVALID_FIELD, field + " must be a finite number >= 0, was " + value);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static InvalidLeadException invalid(DeadLetterReason reason, String message) {
    return new InvalidLeadException(reason, message);
  }
}
