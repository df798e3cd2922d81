package io.leadstream.models.training.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.models.mapping.CrmExportException;
import io.leadstream.models.mapping.JsonEventConverter;
import io.leadstream.models.mapping.JsonRow;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.models.training.LabelledLead;
import io.leadstream.schema.LeadEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --data events.jsonl}: the CRM's own JSON events read as the pipeline reads them. */
class CrmJsonLinesTest {

  private static final Path EXAMPLE = Path.of("../../docs/examples/hubspot-json");

  @TempDir Path dir;

  @Test
  void shouldReadJsonEventsAsTheSameDataInACsvExportWithDottedColumns() throws Exception {
    List<String> events = labelledEvents();
    Path jsonl = dir.resolve("events.jsonl");
    Files.write(jsonl, events);
    Path csv = dir.resolve("events.csv");
    Files.writeString(csv, asCsv(events));
    LeadMapping mapping = LeadMapping.load(EXAMPLE.resolve("mapping.yaml"));

    CrmDataset fromJson = new CrmExportReader(mapping).read(jsonl);
    CrmDataset fromCsv = new CrmExportReader(mapping).read(csv);

    assertThat(fromJson.rowsRead()).isEqualTo(events.size());
    assertThat(fromJson.rowsUsed()).isEqualTo(fromCsv.rowsUsed()).isEqualTo(events.size() - 1);
    assertThat(fromJson.duplicatesDropped()).as("5101 twice: the latest kept").isEqualTo(1);
    assertThat(fromJson.leads()).extracting(LabelledLead::converted).contains(true, false);
    assertThat(withoutEventIds(fromJson.leads())).isEqualTo(withoutEventIds(fromCsv.leads()));
    assertThat(fromJson.leads().get(0).event().getEventId()).startsWith("events.jsonl:");
    assertThat(fromJson.eventTimes()).isEqualTo(fromCsv.eventTimes());
    assertThat(fromJson.header()).contains("objectId", "properties.annualrevenue");
    assertThat(fromJson.warnings())
        .anySatisfy(w -> assertThat(w).contains("unused").contains("'objectType'"));
  }

  @Test
  void shouldReportLinesThatAreNoJsonObjectAndMappedPathsHoldingArrays() throws Exception {
    List<String> events = new ArrayList<>(labelledEvents());
    events.add(1, "{\"objectId\": 1, \"properties\": ");
    events.add(
        3,
        "{\"objectId\": 2, \"properties\": {\"hs_lead_status\": \"CONNECTED\","
            + " \"numberofemployees\": [1, 2]}}");
    Path jsonl = dir.resolve("events.jsonl");
    Files.write(jsonl, events);

    assertThatThrownBy(
            () ->
                new CrmExportReader(LeadMapping.load(EXAMPLE.resolve("mapping.yaml"))).read(jsonl))
        .isInstanceOf(CrmExportException.class)
        .hasMessageContaining("events.jsonl: 2 cells cannot be read")
        .hasMessageContaining(
            "line 2: value ends inside the JSON (truncated?): parsing failed at column")
        .hasMessageContaining(
            "line 4: properties.numberofemployees: expected a number, got an array");
  }

  @Test
  void shouldNameAPathThatNoEventHas() throws Exception {
    Path jsonl = dir.resolve("events.jsonl");
    Files.write(jsonl, labelledEvents());
    LeadMapping typo =
        LeadMapping.parse(
            """
            id: objectId
            label: {column: properties.hs_lead_status, positive: [CONNECTED], negative: [UNQUALIFIED]}
            features:
              - {column: properties.anualrevenue, type: numeric}
            """,
            "typo.yaml");

    assertThatThrownBy(() -> new CrmExportReader(typo).read(jsonl))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining(
            "typo.yaml: column 'properties.anualrevenue' (features[0]) is not in events.jsonl (no"
                + " event has it); did you mean 'properties.annualrevenue'?");
  }

  /** The example's events, with closed statuses (a lead still open has no label to learn). */
  private static List<String> labelledEvents() throws Exception {
    List<String> lines = new ArrayList<>();
    List<String> example = Files.readAllLines(EXAMPLE.resolve("events.jsonl"));
    String[] statuses = {"CONNECTED", "UNQUALIFIED", "BAD_TIMING", "OPEN_DEAL"};
    for (int i = 0; i < example.size(); i++) {
      lines.add(
          example
              .get(i)
              .replaceFirst(
                  "\"hs_lead_status\": \"[A-Z_]+\"",
                  "\"hs_lead_status\": \"" + statuses[i] + "\""));
    }
    return lines;
  }

  /** The same events as a CSV export whose columns are their paths. */
  private static String asCsv(List<String> events) throws Exception {
    List<JsonRow> rows = new ArrayList<>();
    Set<String> header = new LinkedHashSet<>();
    for (String event : events) {
      JsonRow row = JsonEventConverter.flatten(event.getBytes(StandardCharsets.UTF_8));
      rows.add(row);
      row.paths().stream().filter(path -> row.shape(path) == null).forEach(header::add);
    }
    StringBuilder out = new StringBuilder();
    out.append(csvLine(new ArrayList<>(header)));
    for (JsonRow row : rows) {
      out.append(csvLine(header.stream().map(path -> row.cells().getOrDefault(path, "")).toList()));
    }
    return out.toString();
  }

  /** Every cell quoted, quotes doubled (RFC 4180). */
  private static String csvLine(List<String> cells) {
    return cells.stream()
            .map(cell -> "\"" + cell.replace("\"", "\"\"") + "\"")
            .collect(Collectors.joining(","))
        + "\n";
  }

  private static List<LeadEvent> withoutEventIds(List<LabelledLead> leads) {
    return leads.stream()
        .map(lead -> LeadEvent.newBuilder(lead.event()).setEventId("-").build())
        .toList();
  }
}
