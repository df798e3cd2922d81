package io.leadstream.models.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.leadstream.models.scoring.FeatureSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadMappingTest {

  private static final String MINIMAL =
      """
      id: Id
      label: {column: Won, positive: ["yes"], negative: ["no"]}
      features:
        - {column: Visits, type: numeric}
      """;

  @Test
  void shouldParseEveryKeyOfTheGrammar() {
    String yaml =
        """
        id: Prospect ID
        label:
          column: Converted
          positive: ["1", "Won"]
          negative: [0]
        time: {column: Created On, format: "dd/MM/yyyy HH:mm", zone: Europe/Berlin}
        delimiter: ";"
        missing: ["", "Select"]
        text: [Tags, Last Activity]
        features:
          - column: TotalVisits
            type: numeric
            transform: log1p
            label: website visits
          - column: Total Time
            type: numeric
            field: engagement.websiteVisits
          - column: Lead Origin
            type: categorical
            max_levels: 20
            min_count: 3
          - column: Do Not Email
            type: boolean
        fields:
          company.name: Company
        segment: Lead Origin
        exclude: [Lead Number]
        """;

    LeadMapping mapping = LeadMapping.parse(yaml, "mapping.yaml");

    assertThat(mapping.idColumn()).isEqualTo("Prospect ID");
    assertThat(mapping.label().positive()).containsExactly("1", "Won");
    assertThat(mapping.label().negative()).containsExactly("0");
    assertThat(mapping.label().converted(" won ")).contains(true);
    assertThat(mapping.label().converted("0")).contains(false);
    assertThat(mapping.label().converted("maybe")).isEmpty();
    assertThat(mapping.time().orElseThrow().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(mapping.time().orElseThrow().parse("01/03/2024 10:15"))
        .isEqualTo(Instant.parse("2024-03-01T09:15:00Z"));
    assertThat(mapping.delimiter()).isEqualTo(';');
    assertThat(mapping.isMissing(" select ")).isTrue();
    assertThat(mapping.isMissing("NA")).isFalse();
    assertThat(mapping.text()).containsExactly("Tags", "Last Activity");
    assertThat(mapping.features())
        .extracting(FeatureMapping::name)
        .containsExactly("totalvisits", "total_time", "lead_origin", "do_not_email");
    FeatureMapping visits = mapping.features().get(0);
    assertThat(visits.transform()).isEqualTo(FeatureSpec.Transform.LOG1P);
    assertThat(visits.label()).isEqualTo("website visits");
    assertThat(visits.source()).isEqualTo("attributes.TotalVisits");
    assertThat(mapping.features().get(1).source()).isEqualTo("engagement.websiteVisits");
    assertThat(mapping.features().get(1).label()).isEqualTo("Total Time");
    assertThat(mapping.features().get(2).maxLevels()).isEqualTo(20);
    assertThat(mapping.features().get(2).minCount()).isEqualTo(3);
    assertThat(mapping.features().get(3).maxLevels()).isEqualTo(30);
    assertThat(mapping.fields()).containsEntry("company.name", "Company");
    assertThat(mapping.segment()).contains("Lead Origin");
    assertThat(mapping.exclude()).containsExactly("Lead Number");
    assertThat(mapping.columns())
        .containsExactly(
            "Prospect ID",
            "Converted",
            "Created On",
            "Tags",
            "Last Activity",
            "TotalVisits",
            "Total Time",
            "Lead Origin",
            "Do Not Email",
            "Company",
            "Lead Number");
  }

  @Test
  void shouldDefaultToCommaAndTheUsualMissingSpellingsAndNoTime() {
    LeadMapping mapping = LeadMapping.parse(MINIMAL, "m.yaml");

    assertThat(mapping.delimiter()).isEqualTo(',');
    assertThat(mapping.missing()).containsExactly("", "NA", "N/A", "null");
    assertThat(mapping.missingListed()).isFalse();
    assertThat(mapping.isMissing(" n/a ")).isTrue();
    assertThat(mapping.isMissing("None")).as("a level such as \"no competitor\"").isFalse();
    assertThat(mapping.isMissing("   ")).isTrue();
    assertThat(mapping.time()).isEmpty();
    assertThat(mapping.segment()).isEmpty();
  }

  @Test
  void shouldGiveUniqueMachineNamesAndReserveTheTextSignal() {
    LeadMapping mapping =
        LeadMapping.parse(
            """
            id: Id
            label: {column: Won, positive: [y], negative: [n]}
            text: [Notes]
            features:
              - {column: "Text Signal", type: numeric}
              - {column: "Deal-Size ($)", type: numeric}
              - {column: "deal size", type: numeric}
            """,
            "m.yaml");

    assertThat(mapping.features())
        .extracting(FeatureMapping::name)
        .containsExactly("text_signal_2", "deal_size", "deal_size_2");
  }

  @Test
  void shouldLoadAFileAndNameItInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("crm-mapping.yaml");
    Files.writeString(file, MINIMAL.replace("Won, ", "Won, colum: red, "));

    assertThatThrownBy(() -> LeadMapping.load(file))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "crm-mapping.yaml: label: unknown key 'colum'; did you mean 'column'? Allowed keys:"
                + " column, type, positive, negative");
  }

  @Test
  void shouldRejectAnUnknownTopLevelKeyWithTheAllowedKeys() {
    assertThatThrownBy(() -> LeadMapping.parse(MINIMAL + "featurs: []\n", "mapping.yaml"))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "mapping.yaml: unknown key 'featurs'; did you mean 'features'? Allowed keys: id,"
                + " label, time, delimiter, missing, join, text, features, fields, segment,"
                + " exclude, language");
  }

  @Test
  void shouldRejectAnUnknownFeatureType() {
    String yaml =
        MINIMAL
            + """
              - {column: A, type: boolean}
              - {column: B, type: numric}
            """;

    assertThatThrownBy(() -> LeadMapping.parse(yaml, "mapping.yaml"))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "mapping.yaml: features[2].type 'numric' is not one of numeric, boolean, categorical");
  }

  @Test
  void shouldRejectAnUnknownFeatureKey() {
    String yaml = MINIMAL + "  - {column: A, type: categorical, max_level: 5}\n";

    assertThatThrownBy(() -> LeadMapping.parse(yaml, "mapping.yaml"))
        .hasMessageStartingWith(
            "mapping.yaml: features[1]: unknown key 'max_level'; did you mean 'max_levels'?");
  }

  @Test
  void shouldRequireIdAndLabel() {
    assertThatThrownBy(() -> LeadMapping.parse(MINIMAL.replace("id: Id\n", ""), "mapping.yaml"))
        .hasMessage("mapping.yaml: id is required: the column holding the lead id");
    assertThatThrownBy(
            () -> LeadMapping.parse(MINIMAL.replace("positive: [\"yes\"], ", ""), "mapping.yaml"))
        .hasMessage(
            "mapping.yaml: label.positive is required: the values that count as converted,"
                + " e.g. [\"1\"]");
  }

  @Test
  void shouldReportAnEmptyFileAndBrokenYamlWithItsLine() {
    assertThatThrownBy(() -> LeadMapping.parse("  \n", "mapping.yaml"))
        .hasMessage("mapping.yaml is empty: expected at least the keys id and label");
    assertThatThrownBy(() -> LeadMapping.parse("id: A\nid: B\n", "mapping.yaml"))
        .hasMessage("mapping.yaml line 2: key 'id' appears twice");
    assertThatThrownBy(() -> LeadMapping.parse("id: [A\n", "mapping.yaml"))
        .hasMessage(
            "mapping.yaml line 1: not valid YAML: while parsing a flow sequence; expected ',' or"
                + " ']', but got <stream end>");
  }

  @Test
  void shouldRejectAValueBothPositiveAndNegative() {
    assertThatThrownBy(
            () -> LeadMapping.parse(MINIMAL.replace("[\"no\"]", "[\"no\", YES]"), "m.yaml"))
        .hasMessage("m.yaml: label value 'YES' is both positive and negative");
  }

  @Test
  void shouldKeepYesNoAndNumbersAsWrittenRatherThanAsYamlBooleans() {
    String yaml =
        MINIMAL.replace("[\"yes\"]", "[Yes, on, 1.0]").replace("[\"no\"]", "[No, off, 0]");

    LabelMapping label = LeadMapping.parse(yaml, "m.yaml").label();

    assertThat(label.positive()).containsExactly("Yes", "on", "1.0");
    assertThat(label.negative()).containsExactly("No", "off", "0");
    assertThat(label.converted("yes")).contains(true);
    assertThat(label.converted("true")).isEmpty();
  }

  @Test
  void shouldRejectPositiveValuesForAContinuousLabel() {
    String yaml = MINIMAL.replace("{column: Won, ", "{column: Revenue, type: continuous, ");

    assertThatThrownBy(() -> LeadMapping.parse(yaml, "m.yaml"))
        .hasMessage("m.yaml: label.positive is not allowed with label.type continuous");
  }

  @Test
  void shouldRejectAColumnBothFeatureAndExcluded() {
    String yaml = MINIMAL + "exclude: [Lead Number, Visits]\n";

    assertThatThrownBy(() -> LeadMapping.parse(yaml, "mapping.yaml"))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith(
            "mapping.yaml: column 'Visits' is used twice, as features[0] and as exclude[1];");
  }

  @Test
  void shouldRejectTheLabelAsAFeatureAndAFeatureListedTwice() {
    assertThatThrownBy(
            () -> LeadMapping.parse(MINIMAL + "  - {column: Won, type: boolean}\n", "m.yaml"))
        .hasMessageStartingWith("m.yaml: column 'Won' is used twice, as label and as features[1];");
    assertThatThrownBy(
            () -> LeadMapping.parse(MINIMAL + "  - {column: Visits, type: boolean}\n", "m.yaml"))
        .hasMessageStartingWith(
            "m.yaml: column 'Visits' is used twice, as features[0] and as features[1];");
  }

  @Test
  void shouldAllowAColumnAsTextFeatureFieldAndSegment() {
    String yaml =
        MINIMAL
            + """
            text: [Visits]
            fields: {company.industry: Visits}
            segment: Visits
            """;

    assertThat(LeadMapping.parse(yaml, "m.yaml").columns()).containsExactly("Id", "Won", "Visits");
  }

  @Test
  void shouldRejectAFieldThatIsNotALeadEventField() {
    String yaml =
        MINIMAL.replace("type: numeric}", "type: numeric, field: engagement.websiteVisit}");

    assertThatThrownBy(() -> LeadMapping.parse(yaml, "m.yaml"))
        .hasMessageStartingWith(
            "m.yaml: features[0].field 'engagement.websiteVisit' is not a LeadEvent field; did"
                + " you mean 'engagement.websiteVisits'? Fields: company.name, company.industry,");
  }

  @Test
  void shouldRejectAFieldOfTheWrongTypeForTheFeature() {
    String yaml = MINIMAL.replace("type: numeric}", "type: numeric, field: company.name}");

    assertThatThrownBy(() -> LeadMapping.parse(yaml, "m.yaml"))
        .hasMessage(
            "m.yaml: features[0].field 'company.name' is a string field; a numeric feature needs"
                + " an int, long, float or double field");
  }

  @Test
  void shouldRejectRecordsAndFieldsTheReaderFills() {
    assertThatThrownBy(() -> LeadMapping.parse(MINIMAL + "fields: {company: Name}\n", "m.yaml"))
        .hasMessageStartingWith("m.yaml: fields.company 'company' is a record, not a single value");
    assertThatThrownBy(() -> LeadMapping.parse(MINIMAL + "fields: {notes: Memo}\n", "m.yaml"))
        .hasMessageStartingWith("m.yaml: fields.notes 'notes' is filled by the export reader");
  }

  @Test
  void shouldRejectTwoColumnsWritingOneField() {
    String yaml =
        MINIMAL.replace("type: numeric}", "type: numeric, field: budget}")
            + "fields: {budget: Budget}\n";

    assertThatThrownBy(() -> LeadMapping.parse(yaml, "m.yaml"))
        .hasMessage(
            "m.yaml: fields.budget writes LeadEvent field 'budget', which features[0].field also"
                + " writes");
  }

  @Test
  void shouldReadWhatCodesMeanAUnitAndTheLanguageOfTheLeads() {
    LeadMapping mapping =
        LeadMapping.parse(
            MINIMAL.replace(
                "features:",
                """
        language: zh
        features:
          - column: Revenue Band
            type: numeric
            label: revenue from client, past 2 years
            values: {0: none, 1: "1 to 50k", 4: over 1.5M}
          - {column: Minutes, type: numeric, unit: minutes}"""),
            "m.yaml");

    assertThat(mapping.language()).contains("zh");
    assertThat(mapping.features().get(0).values())
        .containsExactly(entry("0", "none"), entry("1", "1 to 50k"), entry("4", "over 1.5M"));
    assertThat(mapping.features().get(1).unit()).isEqualTo("minutes");
    assertThatThrownBy(
            () ->
                LeadMapping.parse(
                    MINIMAL.replace(
                        "features:",
                        """
        features:
          - {column: Stage, type: categorical, unit: days}"""),
                    "m.yaml"))
        .hasMessageContaining("features[0].unit applies to numeric features only");
    assertThatThrownBy(
            () ->
                LeadMapping.parse(
                    MINIMAL.replace(
                        "features:",
                        """
        features:
          - {column: Band, type: numeric, values: [none, low]}"""),
                    "m.yaml"))
        .hasMessageContaining("features[0].values must map values to what they mean");
    assertThatThrownBy(() -> LeadMapping.parse(MINIMAL + "language: fr\n", "m.yaml"))
        .hasMessage("m.yaml: language 'fr' is not one of en, zh");
  }

  @Test
  void shouldRejectCategoricalOptionsOnOtherTypesAndBadCounts() {
    assertThatThrownBy(
            () -> LeadMapping.parse(MINIMAL.replace("numeric}", "numeric, max_levels: 3}"), "m"))
        .hasMessage("m: features[0].max_levels applies to categorical features only");
    assertThatThrownBy(
            () -> LeadMapping.parse(MINIMAL.replace("numeric}", "categorical, min_count: 0}"), "m"))
        .hasMessage("m: features[0].min_count must be a whole number of at least 1, got '0'");
  }

  @Test
  void shouldRejectABadDelimiterTimeFormatAndZone() {
    assertThatThrownBy(() -> LeadMapping.parse(MINIMAL + "delimiter: ';;'\n", "m"))
        .hasMessageStartingWith("m: delimiter ';;' must be one character");
    assertThatThrownBy(
            () ->
                LeadMapping.parse(
                    MINIMAL + "time: {column: T, format: \"dd/MM/yyyy HH:mm bb\"}\n", "m"))
        .hasMessageStartingWith("m: time.format 'dd/MM/yyyy HH:mm bb' is not a date pattern");
    assertThatThrownBy(
            () -> LeadMapping.parse(MINIMAL + "time: {column: T, zone: Mars/Base}\n", "m"))
        .hasMessage("m: time.zone 'Mars/Base' is not a time zone such as UTC or Europe/Berlin");
  }

  @Test
  void shouldRequireAFeatureOrText() {
    assertThatThrownBy(
            () ->
                LeadMapping.parse(
                    "id: Id\nlabel: {column: W, positive: [1], negative: [0]}\n", "m"))
        .hasMessage("m: neither features nor text: the scorer needs at least one column to read");
  }
}
