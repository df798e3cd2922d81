package io.leadstream.app.streams.processors;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.schema.Company;
import io.leadstream.schema.Engagement;
import io.leadstream.schema.LeadEvent;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeadValidatorTest {

  private final LeadValidator validator = new LeadValidator(1024);

  @Test
  void shouldAcceptAPlausibleLead() {
    LeadEvent lead = TestLeads.hot("lead-1").build();

    assertThatCode(() -> validator.validate("lead-1", lead)).doesNotThrowAnyException();
  }

  static Stream<Arguments> badLeads() {
    return Stream.of(
        bad("blank lead id", b -> b.setLeadId(" "), DeadLetterReason.MISSING_LEAD_ID, "leadId"),
        bad("blank event id", b -> b.setEventId(""), DeadLetterReason.MISSING_EVENT_ID, "eventId"),
        bad("negative budget", b -> b.setBudget(-5.0), DeadLetterReason.INVALID_FIELD, "budget"),
        bad("NaN budget", b -> b.setBudget(Double.NaN), DeadLetterReason.INVALID_FIELD, "budget"),
        bad(
            "intent of 9",
            b -> b.setPurchaseIntent(9),
            DeadLetterReason.INVALID_FIELD,
            "purchaseIntent"),
        bad(
            "negative employees",
            b -> b.setCompany(Company.newBuilder().setEmployees(-3).build()),
            DeadLetterReason.INVALID_FIELD,
            "company.employees"),
        bad(
            "negative meetings",
            b -> b.setEngagement(Engagement.newBuilder().setMeetings(-1).build()),
            DeadLetterReason.INVALID_FIELD,
            "engagement.meetings"),
        bad(
            "event from 1970",
            b -> b.setOccurredAt(Instant.EPOCH),
            DeadLetterReason.INVALID_FIELD,
            "occurredAt"),
        bad(
            "notes over the cap",
            b -> b.setNotes("x".repeat(1025)),
            DeadLetterReason.TEXT_TOO_LONG,
            "1025 bytes"));
  }

  private static Arguments bad(
      String name,
      UnaryOperator<LeadEvent.Builder> change,
      DeadLetterReason reason,
      String mention) {
    return Arguments.of(name, change, reason, mention);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badLeads")
  void shouldRejectAbsurdValuesWithASpecificReason(
      String name,
      UnaryOperator<LeadEvent.Builder> change,
      DeadLetterReason reason,
      String mention) {
    LeadEvent lead = change.apply(TestLeads.hot("lead-1")).build();

    assertThatThrownBy(() -> validator.validate(lead.getLeadId(), lead))
        .isInstanceOfSatisfying(
            InvalidLeadException.class,
            e -> {
              Assertions.assertThat(e.reason()).isEqualTo(reason);
              Assertions.assertThat(e.getMessage()).contains(mention);
            });
  }

  @Test
  void shouldRejectRecordsNotKeyedByTheirLeadId() {
    LeadEvent lead = TestLeads.hot("lead-1").build();

    assertThatThrownBy(() -> validator.validate("lead-2", lead))
        .isInstanceOfSatisfying(
            InvalidLeadException.class,
            e -> Assertions.assertThat(e.reason()).isEqualTo(DeadLetterReason.KEY_MISMATCH));
    assertThatThrownBy(() -> validator.validate(null, lead))
        .hasMessageContaining("record key is null");
  }

  @Test
  void shouldNeverPutLeadTextIntoTheMessage() {
    LeadEvent lead = TestLeads.hot("lead-1").setNotes("secret plan ".repeat(200)).build();

    assertThatThrownBy(() -> validator.validate("lead-1", lead))
        .satisfies(e -> Assertions.assertThat(e.getMessage()).doesNotContain("secret"));
  }
}
