package io.leadstream.tools.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.tools.feed.LeadFileReader.Format;
import io.leadstream.tools.feed.LeadFileReader.LeadLine;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadFileReaderTest {

  @Test
  void shouldReadNestedJsonLinesWithPlainValues() throws IOException {
    String jsonl =
        """
        {"eventId":"e1","leadId":"L1","occurredAt":"2026-11-28T09:30:00Z","company":{"name":"ACME","employees":120},"budget":5000,"purchaseIntent":4,"contact":{"isDecisionMaker":true},"attributes":{"region":"EMEA"}}
        """;

    List<LeadLine> lines = read(jsonl, Format.JSONL);

    assertThat(lines)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.ok()).isTrue();
              assertThat(line.lead().getLeadId()).isEqualTo("L1");
              assertThat(line.lead().getOccurredAt())
                  .isEqualTo(Instant.parse("2026-11-28T09:30:00Z"));
              assertThat(line.lead().getCompany().getEmployees()).isEqualTo(120);
              assertThat(line.lead().getBudget()).isEqualTo(5000.0);
              assertThat(line.lead().getContact().getIsDecisionMaker()).isTrue();
              assertThat(line.lead().getAttributes()).containsEntry("region", "EMEA");
              assertThat(line.lead().getSourceSystem()).isEqualTo("unknown");
            });
  }

  @Test
  void shouldReportEachBadLineWithItsNumberAndTheField() throws IOException {
    String jsonl =
        """
        {"leadId":"L1"}
        {"leadId":"L2", "company": {"employees": "many"}}
        not json at all

        {"leadId":"L3", "colour": "blue"}
        {"company": {"name": "no lead id"}}
        """;

    List<LeadLine> lines = read(jsonl, Format.JSONL);

    assertThat(lines).extracting(LeadLine::lineNumber).containsExactly(1L, 2L, 3L, 5L, 6L);
    assertThat(lines.get(0).ok()).isTrue();
    assertThat(lines.get(0).lead().getEventId()).isNotBlank();
    assertThat(lines.get(1).error())
        .isEqualTo("company.employees: expected a whole number, got \"many\"");
    assertThat(lines.get(2).error()).startsWith("not valid JSON");
    assertThat(lines.get(3).error()).contains("unknown field colour").contains("attributes");
    assertThat(lines.get(4).error()).isEqualTo("leadId is required");
  }

  @Test
  void shouldReadCsvWithDottedColumnsForNestedFields() throws IOException {
    String csv =
        """
        leadId,company.name,company.employees,contact.isDecisionMaker,budget,notes,attributes.region
        L1,ACME,120,yes,5000,"Wants a quote, soon",EMEA
        L2,Beta,,no,,,
        L3,Gamma,12x,no,,,
        """;

    List<LeadLine> lines = read(csv, Format.CSV);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).lead().getNotes()).isEqualTo("Wants a quote, soon");
    assertThat(lines.get(0).lead().getContact().getIsDecisionMaker()).isTrue();
    assertThat(lines.get(0).lead().getAttributes()).containsEntry("region", "EMEA");
    assertThat(lines.get(1).lead().getCompany().getEmployees()).isNull();
    assertThat(lines.get(2).lineNumber()).isEqualTo(4);
    assertThat(lines.get(2).error()).contains("company.employees");
  }

  @Test
  void shouldRefuseACsvThatIsNotCommaSeparated() {
    assertThatThrownBy(() -> read("leadId;budget\nL1;5\n", Format.CSV))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("comma-separated");
  }

  private static List<LeadLine> read(String content, Format format) throws IOException {
    List<LeadLine> lines = new ArrayList<>();
    LeadFileReader.read(new StringReader(content), format, lines::add);
    return lines;
  }
}
