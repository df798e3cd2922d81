package io.leadstream.models.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.leadstream.models.mapping.JsonEventException.Kind;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.OutcomeType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class JsonOutcomeConverterTest {

  private static final Path EXAMPLE = Path.of("../../docs/examples/hubspot-json");
  private static final Instant RECORD_TIME = Instant.parse("2026-12-10T00:00:00Z");

  private final JsonOutcomeConverter converter =
      new JsonOutcomeConverter(OutcomeMapping.load(EXAMPLE.resolve("outcome-mapping.yaml")));

  @Test
  void readsTheExampleDeals() throws IOException {
    List<LeadOutcome> outcomes =
        Files.readAllLines(EXAMPLE.resolve("outcomes.jsonl")).stream()
            .map(line -> converter.convert(utf8(line), "fallback", RECORD_TIME))
            .toList();

    assertThat(outcomes)
        .extracting(LeadOutcome::getLeadId, LeadOutcome::getEventId, LeadOutcome::getOutcome)
        .containsExactly(
            tuple("5101", "9001", OutcomeType.WON),
            tuple("5102", "9002", OutcomeType.DISQUALIFIED),
            tuple("5103", "9003", OutcomeType.LOST));
    LeadOutcome won = outcomes.get(0);
    assertThat(won.getOccurredAt()).isEqualTo(Instant.parse("2026-12-08T16:00:00Z"));
    assertThat(won.getValue()).isEqualTo(96000.0);
    assertThat(won.getCurrency()).isEqualTo("EUR");
    assertThat(won.getSourceSystem()).isEqualTo("hubspot");
    // "" is a missing spelling: no value, no currency
    assertThat(outcomes.get(1).getValue()).isNull();
    assertThat(outcomes.get(1).getCurrency()).isNull();
  }

  @Test
  void fallsBackToTheRecordsIdAndTime() {
    LeadOutcome outcome =
        converter.convert(
            utf8("{\"properties\": {\"hs_contact_id\": 7, \"dealstage\": \"CLOSEDWON\"}}"),
            "leads.outcomes-0@4",
            RECORD_TIME);

    assertThat(outcome.getLeadId()).isEqualTo("7");
    assertThat(outcome.getEventId()).isEqualTo("leads.outcomes-0@4");
    assertThat(outcome.getOccurredAt()).isEqualTo(RECORD_TIME);
    assertThat(outcome.getOutcome()).isEqualTo(OutcomeType.WON);
  }

  @Test
  void saysWhatIsWrongWithAnEvent() {
    assertFails("{\"properties\": {\"dealstage\": \"closedwon\"}}", Kind.MISSING_ID)
        .hasMessage("properties.hs_contact_id (the lead id) is not in the event");
    assertFails(
            "{\"properties\": {\"hs_contact_id\": \"1\", \"dealstage\": \"appointmentscheduled\"}}",
            Kind.INVALID_FIELD)
        .hasMessageStartingWith(
            "properties.dealstage: expected one of closedlost, closedwon, contractsent,"
                + " unqualified, got ");
    assertFails(
            "{\"properties\": {\"hs_contact_id\": \"1\", \"dealstage\": \"closedwon\","
                + " \"closedate\": \"next week\", \"amount\": \"lots\"}}",
            Kind.INVALID_FIELD)
        .hasMessageContaining("properties.closedate: expected an ISO-8601")
        .hasMessageContaining("properties.amount: expected a number");
    assertFails(
            "{\"properties\": {\"hs_contact_id\": {\"id\": 1}, \"dealstage\": \"closedwon\"}}",
            Kind.INVALID_FIELD)
        .hasMessage(
            "properties.hs_contact_id: expected a lead id (a string or a number), got an object");
    assertFails("[1, 2]", Kind.NOT_JSON);
  }

  @Test
  void refusesAnInvalidMapping() {
    assertThatThrownBy(() -> OutcomeMapping.parse("lead: a\n", "o.yaml"))
        .isInstanceOf(MappingException.class)
        .hasMessage("o.yaml: outcome is required: the path of the outcome and its values");
    assertThatThrownBy(
            () ->
                OutcomeMapping.parse(
                    "lead: a\noutcome: {column: s, values: {won: WINNING}}\n", "o.yaml"))
        .hasMessage(
            "o.yaml: outcome.values.won 'WINNING' is not one of [CONVERTED, WON, LOST,"
                + " DISQUALIFIED]");
    assertThatThrownBy(() -> OutcomeMapping.parse("lead: a\noutcom: {column: s}\n", "o.yaml"))
        .hasMessageStartingWith("o.yaml: unknown key 'outcom'");
    assertThatThrownBy(() -> OutcomeMapping.parse("", "o.yaml"))
        .hasMessage("o.yaml is empty: expected at least the keys lead and outcome");
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertFails(String json, Kind kind) {
    return assertThatThrownBy(() -> converter.convert(utf8(json), "id", RECORD_TIME))
        .isInstanceOfSatisfying(
            JsonEventException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
