package io.leadstream.models.training.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.models.mapping.CrmExportException;
import io.leadstream.models.mapping.CrmRowConverter;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.schema.LeadEvent;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CrmRowConverterTest {

  private static final String MAPPING =
      """
      id: Id
      label: {column: Won, positive: ["1"], negative: ["0"]}
      text: [Notes]
      features:
        - {column: Visits, type: numeric, field: engagement.websiteVisits}
        - {column: Revenue, type: numeric, field: company.annualRevenue}
        - {column: Boss, type: boolean, field: contact.isDecisionMaker}
        - {column: Industry, type: categorical, field: company.industry}
        - {column: Seats, type: numeric}
      fields:
        company.name: Company
        purchaseIntent: Intent
      """;
  private static final List<String> HEADER =
      List.of(
          "Id",
          "Won",
          "Notes",
          "Visits",
          "Revenue",
          "Boss",
          "Industry",
          "Seats",
          "Company",
          "Intent");

  private final CrmRowConverter converter =
      new CrmRowConverter(LeadMapping.parse(MAPPING, "m.yaml"), HEADER, "export.csv");

  @Test
  void shouldWriteTypedFieldsAndKeepOtherFeaturesAsAttributes() {
    LeadEvent event =
        converter.convert(
            Map.of(
                "Id",
                " L-1 ",
                "Visits",
                "12.0",
                "Revenue",
                "2.5e6",
                "Boss",
                "Yes",
                "Industry",
                "Software",
                "Seats",
                " 40 ",
                "Company",
                "Acme, Inc.",
                "Intent",
                "4",
                "Notes",
                "call back"),
            "crm:7");

    assertThat(event.getLeadId()).isEqualTo("L-1");
    assertThat(event.getEventId()).isEqualTo("crm:7");
    assertThat(event.getEngagement().getWebsiteVisits()).isEqualTo(12);
    assertThat(event.getEngagement().getEmailsOpened()).isZero();
    assertThat(event.getEngagement().getDaysSinceLastContact()).isNull();
    assertThat(event.getCompany().getAnnualRevenue()).isEqualTo(2.5e6);
    assertThat(event.getCompany().getIndustry()).isEqualTo("Software");
    assertThat(event.getCompany().getName()).isEqualTo("Acme, Inc.");
    assertThat(event.getContact().getIsDecisionMaker()).isTrue();
    assertThat(event.getPurchaseIntent()).isEqualTo(4);
    assertThat(event.getAttributes()).containsExactly(Map.entry("Seats", "40"));
    assertThat(event.getNotes()).isEqualTo("Notes: call back");
  }

  @Test
  void shouldLeaveRecordsUnsetWhenTheirValuesAreMissing() {
    LeadEvent event = converter.convert(Map.of("Id", "L-2", "Visits", "NA"), "crm:8");

    assertThat(event.getEngagement()).isNull();
    assertThat(event.getCompany()).isNull();
    assertThat(event.getContact()).isNull();
    assertThat(event.getPurchaseIntent()).isNull();
    assertThat(event.getAttributes()).isEmpty();
  }

  @Test
  void shouldReportEveryUnreadableCellOfARow() {
    Map<String, String> row = new HashMap<>();
    row.put("Id", "");
    row.put("Visits", "2.5");
    row.put("Boss", "maybe");
    row.put("Intent", "99999999999");

    assertThatThrownBy(() -> converter.convert(row, "crm:9"))
        .isInstanceOf(CrmExportException.class)
        .hasMessage(
            "crm:9: id column 'Id' is empty; column 'Visits' has '2.5' for an int field"
                + " engagement.websiteVisits; expected a whole number; boolean column 'Boss' has"
                + " 'maybe'; expected yes/no, true/false, y/n or 1/0 or a missing spelling ('',"
                + " 'NA', 'N/A', 'null'); column 'Intent' has '99999999999' for an int"
                + " field purchaseIntent; expected a whole number that fits int");
  }

  @Test
  void shouldNotNeedTheLabelColumnAtServingTime() {
    List<String> servingHeader = HEADER.stream().filter(c -> !c.equals("Won")).toList();

    LeadEvent event =
        new CrmRowConverter(LeadMapping.parse(MAPPING, "m.yaml"), servingHeader, "live")
            .convert(Map.of("Id", "L-3"), "live:1");

    assertThat(event.getLeadId()).isEqualTo("L-3");
  }

  @Test
  void shouldRejectAHeaderWithoutAMappedColumn() {
    List<String> header = HEADER.stream().filter(c -> !c.equals("Industry")).toList();

    assertThatThrownBy(
            () -> new CrmRowConverter(LeadMapping.parse(MAPPING, "m.yaml"), header, "x.csv"))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith(
            "m.yaml: column 'Industry' (features[3]) is not in x.csv. Columns:");
  }

  @Test
  void shouldMakeTheSameEventAtServingTimeAsInTraining() throws Exception {
    LeadMapping mapping = LeadMapping.load(CrmExportReaderTest.MAPPING);
    CrmDataset training = new CrmExportReader(mapping).read(CrmExportReaderTest.SAMPLE);

    CSVRecord record;
    List<String> header;
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().get();
    try (CSVParser parser = format.parse(Files.newBufferedReader(CrmExportReaderTest.SAMPLE))) {
      header = parser.getHeaderNames();
      record = parser.iterator().next();
    }
    LeadEvent serving =
        new CrmRowConverter(mapping, header, "live")
            .convert(record.toMap(), "x-education-sample.csv:2");

    assertThat(serving).isEqualTo(training.leads().get(0).event());
  }
}
