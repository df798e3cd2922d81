package io.leadstream.models.training.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.leadstream.models.mapping.CrmExportException;
import io.leadstream.models.mapping.HiddenValue;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.models.training.LabelledLead;
import io.leadstream.schema.LeadEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmExportReaderTest {

  static final Path SAMPLE = Path.of("src/test/resources/crm/x-education-sample.csv");
  static final Path MAPPING = Path.of("../../docs/examples/x-education/mapping.yaml");
  static final Path PRE_CONTACT =
      Path.of("../../docs/examples/x-education/mapping-pre-contact.yaml");

  private static final String MAPPING_YAML =
      """
      id: Id
      label: {column: Converted, positive: ["1"], negative: ["0"]}
      missing: ["", "Select", "NA"]
      text: [Tags, Activity]
      features:
        - {column: TotalVisits, type: numeric}
        - {column: Origin, type: categorical}
      """;
  private static final String HEADER = "Id,Converted,TotalVisits,Origin,Tags,Activity\n";

  @TempDir Path dir;

  @Test
  void shouldReadTheXEducationSampleThroughTheExampleMapping() {
    CrmDataset data = new CrmExportReader(LeadMapping.load(MAPPING)).read(SAMPLE);

    assertThat(data.source()).isEqualTo("x-education-sample.csv");
    assertThat(data.header()).hasSize(37).startsWith("Prospect ID", "Lead Number");
    assertThat(data.rowsRead()).isEqualTo(402);
    assertThat(data.rowsUsed()).isEqualTo(402);
    assertThat(data.skippedMissingLabel()).isZero();
    assertThat(data.duplicatesDropped()).isZero();
    assertThat(data.warnings()).isEmpty();
    assertThat(data.targets()).isNull();
    assertThat(data.eventTimes()).hasSize(402).containsOnlyNulls();
    assertThat(data.leads().stream().filter(LabelledLead::converted)).hasSize(166);

    LabelledLead first = data.leads().get(0);
    LeadEvent event = first.event();
    assertThat(first.converted()).isFalse();
    assertThat(event.getLeadId()).isEqualTo("7927b2df-8bba-4d29-b9a2-b6e0beafe620");
    assertThat(event.getEventId()).isEqualTo("x-education-sample.csv:2");
    assertThat(event.getSourceSystem()).isEqualTo("crm-export");
    assertThat(event.getOccurredAt()).isEqualTo(Instant.EPOCH);
    assertThat(event.getNotes())
        .isEqualTo(
            """
            Tags: Interested in other courses
            Last Activity: Page Visited on Website
            Last Notable Activity: Modified
            What is your current occupation: Unemployed
            What matters most to you in choosing a course: Better Career Prospects\
            """);
    assertThat(event.getAttributes())
        .containsEntry("Lead Origin", "API")
        .containsEntry("Lead Source", "Olark Chat")
        .containsEntry("Do Not Email", "No")
        .containsEntry("Total Time Spent on Website", "0")
        .containsEntry("Lead Quality", "Low in Relevance")
        .containsEntry("Asymmetrique Activity Score", "15")
        .doesNotContainKeys("TotalVisits", "Country", "City", "Specialization", "Lead Profile")
        .doesNotContainKeys("Prospect ID", "Converted", "Lead Number", "Magazine")
        .doesNotContainValue("Select")
        .hasSize(16);
    assertThat(event.getEngagement().getWebsiteVisits()).isZero();
    assertThat(event.getContact().getTitle()).isEqualTo("Unemployed");
    assertThat(data.leads().get(1).event().getEngagement().getWebsiteVisits()).isEqualTo(4);
    assertThat(data.leads().get(1).event().getAttributes()).containsEntry("City", "Mumbai");
  }

  @Test
  void shouldKeepCommasInsideQuotedCellsOfTheSample() {
    CrmDataset data = new CrmExportReader(LeadMapping.load(MAPPING)).read(SAMPLE);

    LeadEvent event = data.leads().get(12).event();
    assertThat(event.getEventId()).isEqualTo("x-education-sample.csv:14");
    assertThat(event.getAttributes())
        .containsEntry("Specialization", "Banking, Investment And Insurance");
    assertThat(event.getNotes()).contains("Specialization: Banking, Investment And Insurance\n");
  }

  @Test
  void shouldLeaveTheEngagementUnsetWhereTotalVisitsIsMissing() {
    CrmDataset data = new CrmExportReader(LeadMapping.load(MAPPING)).read(SAMPLE);

    assertThat(data.leads().stream().filter(l -> l.event().getEngagement() == null)).hasSize(8);
  }

  @Test
  void shouldReadThePreContactMappingWithoutPostContactColumns() {
    CrmDataset data = new CrmExportReader(LeadMapping.load(PRE_CONTACT)).read(SAMPLE);

    LeadEvent event = data.leads().get(0).event();
    assertThat(data.rowsUsed()).isEqualTo(402);
    assertThat(data.warnings()).isEmpty();
    assertThat(event.getNotes())
        .isEqualTo(
            "What is your current occupation: Unemployed\n"
                + "What matters most to you in choosing a course: Better Career Prospects");
    assertThat(event.getAttributes())
        .doesNotContainKeys(
            "Tags",
            "Lead Quality",
            "Lead Profile",
            "Last Activity",
            "Last Notable Activity",
            "Asymmetrique Activity Index",
            "Asymmetrique Activity Score")
        .hasSize(8);
  }

  @Test
  void shouldReportAColumnMissingFromTheExportWithTheClosestName() {
    LeadMapping mapping =
        LeadMapping.parse(
            MAPPING_YAML.replace("column: TotalVisits", "column: TotalVisit"), "mapping.yaml");

    assertThatThrownBy(() -> read(mapping, HEADER + "a,1,3,Web,,\n"))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "mapping.yaml: column 'TotalVisit' (features[0]) is not in export.csv; did you mean"
                + " 'TotalVisits'? Columns: 'Id', 'Converted', 'TotalVisits', 'Origin', 'Tags',"
                + " 'Activity'");
  }

  @Test
  void shouldCollectBadLabelsIntoOneMessageWithTheTotal() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 20; i++) {
      csv.append("id")
          .append(i)
          .append(',')
          .append(i % 3 == 0 ? "maybe" : "1")
          .append(",3,Web,,\n");
    }

    assertThatThrownBy(() -> read(mapping(), csv.toString()))
        .isInstanceOf(CrmExportException.class)
        .hasMessage(
            """
            export.csv: 7 rows have a label the mapping does not accept (first 5 shown):
              export.csv line 2: label column 'Converted' has 'maybe'; expected one of positive [1] or negative [0]
              export.csv line 5: label column 'Converted' has 'maybe'; expected one of positive [1] or negative [0]
              export.csv line 8: label column 'Converted' has 'maybe'; expected one of positive [1] or negative [0]
              export.csv line 11: label column 'Converted' has 'maybe'; expected one of positive [1] or negative [0]
              export.csv line 14: label column 'Converted' has 'maybe'; expected one of positive [1] or negative [0]\
            """);
  }

  @Test
  void shouldReportASingleBadLabelOnOneLine() {
    assertThatThrownBy(() -> read(mapping(), HEADER + "a,1,3,Web,,\nb, Maybe ,3,Web,,\n"))
        .hasMessage(
            "export.csv line 3: label column 'Converted' has 'Maybe'; expected one of positive [1]"
                + " or negative [0]");
  }

  @Test
  void shouldSkipAndCountRowsWithAMissingLabel() {
    CrmDataset data =
        read(mapping(), HEADER + "a,1,3,Web,,\nb,,3,Web,,\nc,Select,3,Web,,\nd, 0 ,3,Web,,\n");

    assertThat(data.rowsRead()).isEqualTo(4);
    assertThat(data.rowsUsed()).isEqualTo(2);
    assertThat(data.skippedMissingLabel()).isEqualTo(2);
    assertThat(data.leads()).extracting(l -> l.event().getLeadId()).containsExactly("a", "d");
    assertThat(data.leads()).extracting(LabelledLead::converted).containsExactly(true, false);
    assertThat(data.warnings())
        .containsExactly("export.csv: 2 rows without a label in column 'Converted' skipped");
  }

  @Test
  void shouldRejectAnEmptyFileAndAFileWithOnlyAHeader() {
    assertThatThrownBy(() -> read(mapping(), ""))
        .isInstanceOf(CrmExportException.class)
        .hasMessage("export.csv is empty: expected a header row and lead rows");
    assertThatThrownBy(() -> read(mapping(), "\uFEFF\n"))
        .hasMessage("export.csv is empty: expected a header row and lead rows");
    assertThatThrownBy(() -> read(mapping(), HEADER))
        .hasMessage("export.csv has a header but no lead rows");
  }

  @Test
  void shouldRejectAFileWhereEveryLabelIsMissing() {
    assertThatThrownBy(() -> read(mapping(), HEADER + "a,,3,Web,,\nb,NA,3,Web,,\n"))
        .hasMessage("export.csv: none of the 2 rows has a label in column 'Converted'");
  }

  @Test
  void shouldSuggestTheDelimiterWhenTheHeaderIsOneColumn() {
    assertThatThrownBy(() -> read(mapping(), "Id;Converted;TotalVisits\na;1;3\n"))
        .isInstanceOf(CrmExportException.class)
        .hasMessage(
            "export.csv: the header has one column 'Id;Converted;TotalVisits'; the file looks"
                + " ';'-separated: set `delimiter: \";\"` in the mapping");
    assertThatThrownBy(() -> read(mapping(), "Id\tConverted\tTotalVisits\na\t1\t3\n"))
        .hasMessageEndingWith(
            "the file looks '\\t'-separated: set `delimiter: \"\\t\"` in the mapping");
  }

  @Test
  void shouldReadAFileWithTheMappedDelimiter() {
    LeadMapping mapping = LeadMapping.parse(MAPPING_YAML + "delimiter: \"|\"\n", "m.yaml");

    CrmDataset data = read(mapping, HEADER.replace(',', '|') + "a|1|3|Web, Paid||\n");

    assertThat(data.leads().get(0).event().getAttributes())
        .containsExactly(Map.entry("TotalVisits", "3"), Map.entry("Origin", "Web, Paid"));
  }

  @Test
  void shouldCollectCellsThatAreNotNumbersWithLineAndColumn() {
    String csv =
        HEADER + "a,1,3,Web,,\nb,0,lots,Web,,\nc,0,NA,Web,,\nd,1,1e3,Web,,\ne,0,12 visits,Web,,\n";

    assertThatThrownBy(() -> read(mapping(), csv))
        .isInstanceOf(CrmExportException.class)
        .hasMessage(
            """
            export.csv: 2 cells cannot be read:
              export.csv line 3: numeric column 'TotalVisits' has 'lots'; expected a number or a missing spelling ('', 'Select', 'NA')
              export.csv line 6: numeric column 'TotalVisits' has '12 visits'; expected a number or a missing spelling ('', 'Select', 'NA')\
            """);
  }

  @Test
  void shouldReportRowsWithTheWrongNumberOfCells() {
    assertThatThrownBy(() -> read(mapping(), HEADER + "a,1,3,Web,,\nb,0,2,Web, Paid,,\n"))
        .hasMessage("export.csv line 3: has 7 cells; the header has 6 columns");
  }

  @Test
  void shouldStripAByteOrderMark() {
    CrmDataset data = read(mapping(), "\uFEFF" + HEADER + "a,1,3,Web,,\n");

    assertThat(data.header().get(0)).isEqualTo("Id");
    assertThat(data.leads().get(0).event().getLeadId()).isEqualTo("a");
  }

  @Test
  void shouldReadQuotedCellsWithCommasQuotesAndLineBreaks() {
    String csv =
        HEADER
            + "a,1,3,\"Web, paid\",\"Call back, \"\"urgent\"\"\",\"Email\nopened\"\n"
            + "b,0,2,Event,,\n";

    CrmDataset data = read(mapping(), csv);

    LeadEvent a = data.leads().get(0).event();
    assertThat(a.getAttributes()).containsEntry("Origin", "Web, paid");
    assertThat(a.getNotes()).isEqualTo("Tags: Call back, \"urgent\"\nActivity: Email\nopened");
    assertThat(data.leads().get(1).event().getEventId()).isEqualTo("export.csv:4");
  }

  @Test
  void shouldCountBlankLinesInLineNumbers() {
    String csv = "\n" + HEADER + "a,1,3,Web,,\n\n  \nb,yes,3,Web,,\n\n";

    assertThatThrownBy(() -> read(mapping(), csv))
        .hasMessageStartingWith("export.csv line 6: label column 'Converted' has 'yes'");
  }

  @Test
  void shouldLeaveOutMissingSpellingsAndEmptyNotes() {
    CrmDataset data = read(mapping(), HEADER + "a,1, select ,NA,  ,Select\n");

    LeadEvent event = data.leads().get(0).event();
    assertThat(event.getAttributes()).isEmpty();
    assertThat(event.getNotes()).isNull();
  }

  @Test
  void shouldKeepNoneAsARealLevelByDefaultAndSayWhenAMissingSpellingHidesAFrequentValue() {
    // one lead in eight has no competitor ("None"); a region "NA" (North America) for a third
    StringBuilder csv = new StringBuilder("Id,Won,Competitor,Region\n");
    for (int i = 0; i < 240; i++) {
      csv.append("d")
          .append(i)
          .append(',')
          .append(i % 2)
          .append(',')
          .append(i % 8 == 0 ? "None" : i % 8 < 4 ? "Acme" : "Globex")
          .append(',')
          .append(i % 3 == 0 ? "NA" : "EMEA")
          .append('\n');
    }
    String features =
        """
        features:
          - {column: Competitor, type: categorical}
          - {column: Region, type: categorical}
        """;
    LeadMapping defaults =
        LeadMapping.parse(
            """
        id: Id
        label: {column: Won, positive: ["1"], negative: ["0"]}
        """
                + features,
            "defaults.yaml");
    LeadMapping listed =
        LeadMapping.parse(
            """
        id: Id
        label: {column: Won, positive: ["1"], negative: ["0"]}
        missing: ["", "None", "NA"]
        """
                + features,
            "listed.yaml");

    CrmDataset byDefault = read(defaults, csv.toString());
    CrmDataset byList = read(listed, csv.toString());

    assertThat(CrmFeatureSpec.build(defaults, byDefault.leads()).features().get(0).levels())
        .containsExactly("Globex", "Acme", "None");
    assertThat(byDefault.hiddenValues())
        .extracting(HiddenValue::describe)
        .containsExactly(
            "'NA' in column 'Region' (80 rows, 33.3 %) is read as missing (a default missing"
                + " spelling); if it is a real value there, as \"None\" may mean no competitor, list"
                + " `missing:` without it");
    assertThat(CrmFeatureSpec.build(listed, byList.leads()).features().get(0).levels())
        .containsExactly("Globex", "Acme");
    assertThat(byList.hiddenValues())
        .extracting(HiddenValue::column, HiddenValue::spelling, HiddenValue::rows)
        .containsExactly(tuple("Competitor", "None", 30), tuple("Region", "NA", 80));
    assertThat(byList.hiddenValues().get(0).describe())
        .startsWith(
            "'None' in column 'Competitor' (30 rows, 12.5 %) is read as missing"
                + " (listed under `missing:`); if it is a real value there");
  }

  @Test
  void shouldSayWhichColumnsOfTheXEducationSampleTheFormsSelectLeavesEmpty() {
    CrmDataset data = new CrmExportReader(LeadMapping.load(PRE_CONTACT)).read(SAMPLE);

    assertThat(data.hiddenValues())
        .extracting(HiddenValue::column, HiddenValue::spelling)
        .containsExactly(
            tuple("Specialization", "Select"),
            tuple("How did you hear about X Education", "Select"),
            tuple("City", "Select"));
    assertThat(data.hiddenValues()).allSatisfy(h -> assertThat(h.listedByMapping()).isTrue());
  }

  @Test
  void shouldKeepTheLastRowOfADuplicatedIdInFileOrder() {
    String csv = HEADER + "a,0,1,Web,,\nb,0,2,Web,,\na,1,3,Event,,\nc,0,4,Web,,\na,0,5,Fair,,\n";

    CrmDataset data = read(mapping(), csv);

    assertThat(data.rowsRead()).isEqualTo(5);
    assertThat(data.duplicatesDropped()).isEqualTo(2);
    assertThat(data.leads())
        .extracting(l -> l.event().getEventId())
        .containsExactly("export.csv:3", "export.csv:5", "export.csv:6");
    assertThat(data.warnings())
        .containsExactly(
            "export.csv: 2 rows dropped because another row has the same lead id; kept the last"
                + " row. 1 id repeated, e.g. 'a' (lines 2, 4, 6)");
  }

  @Test
  void shouldKeepTheLatestRowOfADuplicatedIdByTime() {
    LeadMapping mapping =
        LeadMapping.parse(
            MAPPING_YAML + "time: {column: Created, format: \"dd/MM/yyyy HH:mm\"}\n", "m.yaml");
    String csv =
        "Id,Converted,TotalVisits,Origin,Tags,Activity,Created\n"
            + "a,1,1,Web,,,02/03/2024 09:30\n"
            + "a,0,2,Web,,,01/03/2024 17:00\n"
            + "b,0,3,Web,,,\n"
            + "b,1,4,Web,,,05/01/2024 08:00\n"
            + "c,0,5,Web,,,2024-03-01\n";

    assertThatThrownBy(() -> read(mapping, csv))
        .hasMessage(
            "export.csv line 6: time column 'Created' has '2024-03-01'; expected a time in the"
                + " format 'dd/MM/yyyy HH:mm'");

    CrmDataset data = read(mapping, csv.replace("2024-03-01", "01/03/2024 00:00"));

    assertThat(data.duplicatesDropped()).isEqualTo(2);
    assertThat(data.leads())
        .extracting(l -> l.event().getAttributes().get("TotalVisits"))
        .containsExactly("1", "4", "5");
    assertThat(data.eventTimes())
        .containsExactly(
            Instant.parse("2024-03-02T09:30:00Z"),
            Instant.parse("2024-01-05T08:00:00Z"),
            Instant.parse("2024-03-01T00:00:00Z"));
    assertThat(data.leads().get(0).event().getOccurredAt())
        .isEqualTo(Instant.parse("2024-03-02T09:30:00Z"));
    assertThat(data.warnings()).anyMatch(w -> w.contains("kept the latest by 'Created'"));
  }

  @Test
  void shouldReadIsoTimesAndGiveNullWhereTheTimeIsMissing() {
    LeadMapping mapping = LeadMapping.parse(MAPPING_YAML + "time: Created\n", "m.yaml");
    String csv =
        "Id,Converted,TotalVisits,Origin,Tags,Activity,Created\n"
            + "a,1,1,Web,,,2024-03-02T09:30:00+02:00\n"
            + "b,0,2,Web,,,2024-03-01 17:00\n"
            + "c,0,3,Web,,,2024-03-01\n"
            + "d,0,3,Web,,,\n";

    CrmDataset data = read(mapping, csv);

    assertThat(data.eventTimes())
        .containsExactly(
            Instant.parse("2024-03-02T07:30:00Z"),
            Instant.parse("2024-03-01T17:00:00Z"),
            Instant.parse("2024-03-01T00:00:00Z"),
            null);
    assertThat(data.leads().get(3).event().getOccurredAt()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void shouldReadAContinuousLabelIntoTargets() {
    LeadMapping mapping =
        LeadMapping.parse(
            MAPPING_YAML.replace(
                "{column: Converted, positive: [\"1\"], negative: [\"0\"]}",
                "{column: Revenue, type: continuous}"),
            "m.yaml");
    String header = HEADER.replace("Converted", "Revenue");

    CrmDataset data = read(mapping, header + "a,1250.5,1,Web,,\nb,0,2,Web,,\nc,,3,Web,,\n");

    assertThat(data.targets()).containsExactly(1250.5, 0.0);
    assertThat(data.leads()).extracting(LabelledLead::converted).containsExactly(true, false);
    assertThat(data.skippedMissingLabel()).isEqualTo(1);
    assertThatThrownBy(() -> read(mapping, header + "a,1250.5,1,Web,,\nb,€ 300,2,Web,,\n"))
        .hasMessage("export.csv line 3: label column 'Revenue' has '€ 300'; expected a number");
  }

  @Test
  void shouldWarnAboutColumnsTheMappingDoesNotMention() {
    CrmDataset data =
        read(
            mapping(),
            "Id,Converted,TotalVisits,Origin,Tags,Activity,Email,\n"
                + "a,1,3,Web,,,a@example.com,x\n");

    assertThat(data.warnings())
        .containsExactly(
            "export.csv: column 8 has no name and is ignored",
            "export.csv: 1 column not in mapping.yaml and unused: 'Email'; list them under"
                + " exclude to say so on purpose");
  }

  @Test
  void shouldRejectAColumnNamedTwiceInTheHeader() {
    assertThatThrownBy(() -> read(mapping(), HEADER.replace("Activity", "Tags") + "a,1,3,W,,\n"))
        .hasMessage(
            "export.csv: column 'Tags' appears twice in the header (columns 5 and 6); rename one"
                + " in the export");
  }

  @Test
  void shouldRejectAFileThatIsNotUtf8() throws Exception {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, (HEADER + "a,1,3,Caf\u00e9,,\n").getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> new CrmExportReader(mapping()).read(file))
        .isInstanceOf(CrmExportException.class)
        .hasMessageStartingWith("latin1.csv is not UTF-8 text");
  }

  @Test
  void shouldReadTheWholeXEducationFileWhenItIsThere() {
    Path full = Path.of("../../../shared/data/x-education-leads.csv");
    assumeTrue(Files.exists(full), "the full dataset is outside the project");

    for (Path mappingFile : List.of(MAPPING, PRE_CONTACT)) {
      CrmDataset data = new CrmExportReader(LeadMapping.load(mappingFile)).read(full);

      assertThat(data.rowsUsed()).isEqualTo(9240);
      assertThat(data.leads().stream().filter(LabelledLead::converted)).hasSize(3561);
      assertThat(data.warnings()).isEmpty();
      assertThat(CrmFeatureSpec.build(LeadMapping.load(mappingFile), data.leads()).columnCount())
          .isGreaterThan(40);
    }
  }

  private static LeadMapping mapping() {
    return LeadMapping.parse(MAPPING_YAML, "mapping.yaml");
  }

  private CrmDataset read(LeadMapping mapping, String csv) {
    Path file = dir.resolve("export.csv");
    try {
      Files.writeString(file, csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CrmExportReader(mapping).read(file);
  }
}
