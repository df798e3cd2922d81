package io.leadstream.models.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import io.leadstream.models.mapping.JsonEventException.Kind;
import io.leadstream.schema.LeadEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonEventConverterTest {

  private static final Path EXAMPLE = Path.of("../../docs/examples/hubspot-json");
  private static final Instant RECORD_TIME = Instant.parse("2026-12-01T12:00:00Z");

  private static final String SMALL =
      """
      id: objectId
      label: {column: properties.hs_lead_status, positive: [OPEN_DEAL], negative: [UNQUALIFIED]}
      time: properties.lastmodifieddate
      text: [properties.notes]
      features:
        - {column: properties.annualrevenue, type: numeric, field: company.annualRevenue}
        - {column: properties.meetings, type: numeric, field: engagement.meetings}
        - {column: properties.decision_maker, type: boolean}
        - {column: properties.source, type: categorical}
      fields:
        company.name: properties.company
      """;

  private final JsonEventConverter small =
      new JsonEventConverter(LeadMapping.parse(SMALL, "small.yaml"));

  @Test
  void shouldMapTheWorkedHubSpotExampleOntoTheLeadEventFields() throws IOException {
    JsonEventConverter converter =
        new JsonEventConverter(LeadMapping.load(EXAMPLE.resolve("mapping.yaml")));
    List<String> lines = Files.readAllLines(EXAMPLE.resolve("events.jsonl"));

    LeadEvent hot = converter.convert(utf8(lines.get(0)), "leads.raw-0@0", RECORD_TIME);
    LeadEvent typed = converter.convert(utf8(lines.get(2)), "leads.raw-0@2", RECORD_TIME);

    assertThat(hot.getLeadId()).isEqualTo("5101");
    assertThat(hot.getEventId()).isEqualTo("leads.raw-0@0");
    assertThat(hot.getOccurredAt()).isEqualTo(Instant.parse("2026-11-27T09:30:00Z"));
    assertThat(hot.getCompany().getName()).isEqualTo("Northwind Logistics");
    assertThat(hot.getCompany().getEmployees()).isEqualTo(1800);
    assertThat(hot.getCompany().getAnnualRevenue()).isEqualTo(4.2e8);
    assertThat(hot.getCompany().getIndustry()).isEqualTo("logistics");
    assertThat(hot.getContact().getIsDecisionMaker()).isTrue();
    assertThat(hot.getContact().getTitle()).isEqualTo("VP Operations");
    assertThat(hot.getBudget()).isEqualTo(250_000.0);
    assertThat(hot.getCurrency()).isEqualTo("EUR");
    assertThat(hot.getPurchaseIntent()).isEqualTo(5);
    assertThat(hot.getEngagement().getMeetings()).isEqualTo(3);
    assertThat(hot.getAttributes())
        .containsExactly(entry("properties.hs_analytics_source", "REFERRALS"));
    assertThat(hot.getNotes())
        .startsWith("properties.notes_last_activity: Budget approved for Q1.")
        .contains("\nproperties.last_message: Please send the contract draft");
    // JSON numbers and booleans read as HubSpot's strings do; null is missing
    assertThat(typed.getCompany().getEmployees()).isEqualTo(240);
    assertThat(typed.getCompany().getAnnualRevenue()).isEqualTo(1.46e7);
    assertThat(typed.getContact().getIsDecisionMaker()).isFalse();
    assertThat(typed.getBudget()).isNull();
    assertThat(typed.getPurchaseIntent()).isEqualTo(3);
  }

  @Test
  void shouldReadMissingSpellingsAndAbsentPathsAsMissing() throws IOException {
    JsonEventConverter converter =
        new JsonEventConverter(LeadMapping.load(EXAMPLE.resolve("mapping.yaml")));
    String junk = Files.readAllLines(EXAMPLE.resolve("events.jsonl")).get(1);

    LeadEvent event = converter.convert(utf8(junk), "e", RECORD_TIME);

    // "" and "unknown" are missing spellings, industry and budget are not in the event
    assertThat(event.getCompany()).isNull();
    assertThat(event.getBudget()).isNull();
    assertThat(event.getAttributes())
        .containsExactly(entry("properties.hs_analytics_source", "ORGANIC_SEARCH"));
    assertThat(event.getContact().getIsDecisionMaker()).isFalse();
  }

  @Test
  void shouldTakeTheRecordTimeWhenTheEventHasNoTime() {
    LeadEvent event = small.convert(utf8("{\"objectId\": \"a1\"}"), "e", RECORD_TIME);

    assertThat(event.getOccurredAt()).isEqualTo(RECORD_TIME);
  }

  @Test
  void shouldNotAddressArraysButLeaveUnmappedOnesAlone() {
    LeadEvent event =
        small.convert(
            utf8(
                "{\"objectId\": 7, \"tags\": [1, {\"a\": [2]}], \"properties\": {\"source\": \"x\"}}"),
            "e",
            RECORD_TIME);

    assertThat(event.getLeadId()).isEqualTo("7");
    assertThat(event.getAttributes()).containsExactly(entry("properties.source", "x"));
    assertThat(
            invalid("{\"objectId\": 7, \"properties\": {\"annualrevenue\": [\"1\", \"2\"]}}")
                .getMessage())
        .isEqualTo("properties.annualrevenue: expected a number, got an array");
    assertThat(invalid("{\"objectId\": 7, \"properties\": {\"company\": {}}}").getMessage())
        .isEqualTo("properties.company: expected a string, got an object");
  }

  @Test
  void shouldNameThePathTheExpectedTypeAndWhatItGot() {
    assertThat(
            invalid("{\"objectId\": 7, \"properties\": {\"annualrevenue\": \"lots\"}}")
                .getMessage())
        .isEqualTo("properties.annualrevenue: expected a number, got \"lots\"");
    assertThat(
            invalid(
                    "{\"objectId\": 7, \"properties\": {\"meetings\": 2.5, \"decision_maker\": 3,"
                        + " \"lastmodifieddate\": \"yesterday\"}}")
                .getMessage())
        .isEqualTo(
            "properties.lastmodifieddate: expected an ISO-8601 date or date-time such as"
                + " 2024-03-01 or 2024-03-01T10:15:00Z, got \"yesterday\"; "
                + "properties.meetings: expected a whole number (an int field engagement.meetings),"
                + " got 2.5; "
                + "properties.decision_maker: expected a boolean (yes/no, true/false, y/n or 1/0),"
                + " got 3");
    assertThat(invalid("{\"objectId\": 7, \"properties\": {\"annualrevenue\": true}}").getMessage())
        .isEqualTo("properties.annualrevenue: expected a number, got true");
    String longValue = "x".repeat(500);
    assertThat(
            invalid("{\"objectId\": 7, \"properties\": {\"annualrevenue\": \"" + longValue + "\"}}")
                .getMessage())
        .isEqualTo(
            "properties.annualrevenue: expected a number, got \""
                + "x".repeat(40)
                + "... (500 characters)\"");
  }

  @Test
  void shouldRefuseAnIdThatIsMissingNullBlankOrNoSingleValue() {
    assertThat(rejection("{\"properties\": {}}"))
        .returns(Kind.MISSING_ID, JsonEventException::kind)
        .hasMessage("objectId (the mapping's id) is not in the event");
    assertThat(rejection("{\"objectId\": null}"))
        .returns(Kind.MISSING_ID, JsonEventException::kind)
        .hasMessage("objectId (the mapping's id) is null");
    assertThat(rejection("{\"objectId\": \"  \"}"))
        .returns(Kind.MISSING_ID, JsonEventException::kind)
        .hasMessage("objectId (the mapping's id) is blank or a missing spelling");
    assertThat(rejection("{\"objectId\": \"N/A\"}").kind()).isEqualTo(Kind.MISSING_ID);
    assertThat(rejection("{\"objectId\": [1]}"))
        .returns(Kind.INVALID_FIELD, JsonEventException::kind)
        .hasMessage("objectId: expected a lead id (a string or a number), got an array");
  }

  @Test
  void shouldRefuseWhatIsNotOneJsonObjectSayingWhereWithoutTheContent() {
    assertThat(rejection("{\"objectId\": \"secret-1\", \"properties\": {\"company\": \"Acme\""))
        .returns(Kind.NOT_JSON, JsonEventException::kind)
        .hasMessageStartingWith(
            "value ends inside the JSON (truncated?): parsing failed at column ")
        .hasMessageNotContaining("secret")
        .hasMessageNotContaining("Acme");
    assertThat(rejection("{\"objectId\": secret}"))
        .returns(Kind.NOT_JSON, JsonEventException::kind)
        .hasMessage("value is not valid JSON: parsing failed at column 21 (byte 20)");
    assertThat(rejection("[{\"objectId\": 1}]"))
        .returns(Kind.NOT_JSON, JsonEventException::kind)
        .hasMessage(
            "value is not a JSON object: it starts with an array; a CRM event must be one JSON"
                + " object");
    assertThat(rejection("\"secret\"").getMessage()).contains("starts with a string");
    assertThat(rejection("{\"objectId\": 1}\n{\"objectId\": 2}"))
        .returns(Kind.NOT_JSON, JsonEventException::kind)
        .hasMessageStartingWith("value holds more after the end of its JSON object, at line 2");
    assertThat(rejection("{\"objectId\": 1, \"objectId\": 2}"))
        .returns(Kind.NOT_JSON, JsonEventException::kind)
        .hasMessageStartingWith("value has a key twice in one object: parsing failed at column ")
        .hasMessageNotContaining("objectId");
    assertThat(rejection("  \n ")).returns(Kind.NOT_JSON, JsonEventException::kind);
    assertThat(rejection("{\"objectId\": 1, \"n\": NaN}").kind()).isEqualTo(Kind.NOT_JSON);
  }

  @Test
  void shouldRefuseMalformedUtf8NamingTheByte() {
    byte[] value = utf8("{\"objectId\": \"a\u00e9\"}");
    value[15] = (byte) 0xFF;

    assertThat(catchThrowableOfType(JsonEventException.class, () -> convert(value)))
        .returns(Kind.BAD_UTF8, JsonEventException::kind)
        .hasMessage("value is not valid UTF-8 at byte 15 of 19; JSON must be UTF-8");
  }

  @Test
  void shouldRefuseAnUnpairedSurrogateEscapeInAMappedString() {
    assertThat(rejection("{\"objectId\": 1, \"properties\": {\"company\": \"A\\ud800\"}}"))
        .returns(Kind.INVALID_FIELD, JsonEventException::kind)
        .hasMessage(
            "properties.company: expected a string, got a string with an unpaired surrogate"
                + " escape (not Unicode text)");
    LeadEvent paired =
        small.convert(
            utf8("{\"objectId\": 1, \"properties\": {\"company\": \"A\\ud83d\\ude00\"}}"),
            "e",
            RECORD_TIME);
    assertThat(paired.getCompany().getName()).isEqualTo("A\uD83D\uDE00");
  }

  @Test
  void shouldReadAKeyWithADotLikeNestedKeysUnlessBothSpellOnePath() {
    LeadEvent dotted =
        small.convert(utf8("{\"objectId\": 1, \"properties.source\": \"web\"}"), "e", RECORD_TIME);
    assertThat(dotted.getAttributes()).containsExactly(entry("properties.source", "web"));

    assertThat(
            invalid(
                    "{\"objectId\": 1, \"properties.source\": \"web\", \"properties\": {\"source\": \"ads\"}}")
                .getMessage())
        .startsWith(
            "properties.source: expected a single value (a string, number or boolean), got two values");
  }

  @Test
  void shouldAcceptAByteOrderMark() {
    byte[] json = utf8("\uFEFF{\"objectId\": 1}");

    assertThat(convert(json).getLeadId()).isEqualTo("1");
  }

  @Test
  void shouldRefuseAMappingThatJoinsFiles() {
    LeadMapping joined =
        LeadMapping.parse(
            SMALL + "join:\n  - {file: accounts.csv, key: properties.company}\n", "joined.yaml");

    assertThatThrownBy(() -> new JsonEventConverter(joined))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("joined.yaml: join is not available for JSON events");
  }

  private LeadEvent convert(byte[] json) {
    return small.convert(json, "e", RECORD_TIME);
  }

  private JsonEventException rejection(String json) {
    return catchThrowableOfType(JsonEventException.class, () -> convert(utf8(json)));
  }

  private JsonEventException invalid(String json) {
    JsonEventException e = rejection(json);
    assertThat(e).isNotNull();
    assertThat(e.kind()).as(e.getMessage()).isEqualTo(Kind.INVALID_FIELD);
    return e;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
