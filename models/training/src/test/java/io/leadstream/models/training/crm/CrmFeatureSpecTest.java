package io.leadstream.models.training.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.models.scoring.FeatureExtractor;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.FeatureSpec.Feature;
import io.leadstream.models.training.LabelledLead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmFeatureSpecTest {

  @TempDir Path dir;

  @Test
  void shouldBuildTheXEducationSpecWithTextFirstAndLevelsFromTheRows() {
    LeadMapping mapping = LeadMapping.load(CrmExportReaderTest.MAPPING);
    List<LabelledLead> leads =
        new CrmExportReader(mapping).read(CrmExportReaderTest.SAMPLE).leads();

    FeatureSpec spec = CrmFeatureSpec.build(mapping, leads);

    assertThat(spec.features()).hasSize(23);
    Feature text = spec.features().get(0);
    assertThat(text.name()).isEqualTo("text_signal");
    assertThat(text.source()).isEqualTo(FeatureSpec.OPPORTUNITY_PROBABILITY);
    assertThat(text.label()).isEqualTo("text");
    assertThat(feature(spec, "lead_origin").levels())
        .containsExactly("Landing Page Submission", "API", "Lead Add Form");
    assertThat(feature(spec, "lead_origin").source()).isEqualTo("attributes.Lead Origin");
    assertThat(feature(spec, "lead_origin").encoding()).isEqualTo(FeatureSpec.Encoding.ONE_HOT);
    assertThat(feature(spec, "lead_source").levels())
        .containsExactly("Direct Traffic", "Google", "Olark Chat", "Organic Search", "Reference");
    assertThat(feature(spec, "country").levels()).containsExactly("India");
    assertThat(feature(spec, "specialization").levels())
        .hasSize(10)
        .startsWith("Finance Management", "Human Resource Management")
        .contains("Banking, Investment And Insurance")
        .doesNotContain("Select", "Media and Advertising");
    assertThat(feature(spec, "tags").levels())
        .containsExactly(
            "Will revert after reading the email",
            "Ringing",
            "Interested in other courses",
            "Already a student",
            "Closed by Horizzon",
            "Lost to EINS");
    Feature visits = feature(spec, "totalvisits");
    assertThat(visits.source()).isEqualTo("engagement.websiteVisits");
    assertThat(visits.transform()).isEqualTo(FeatureSpec.Transform.LOG1P);
    assertThat(visits.label()).isEqualTo("website visits");
    assertThat(feature(spec, "do_not_email").type()).isEqualTo(FeatureSpec.Type.BOOLEAN);
  }

  @Test
  void shouldFeedTheExtractorFromTheReadEvents() {
    LeadMapping mapping = LeadMapping.load(CrmExportReaderTest.PRE_CONTACT);
    List<LabelledLead> leads =
        new CrmExportReader(mapping).read(CrmExportReaderTest.SAMPLE).leads();
    FeatureSpec spec = CrmFeatureSpec.build(mapping, leads);
    List<String> columns = spec.columns().stream().map(FeatureSpec.Column::name).toList();

    float[] row = new FeatureExtractor(spec).extract(leads.get(1).event(), 0.25);

    assertThat(row[columns.indexOf("text_signal")]).isEqualTo(0.25f);
    assertThat(row[columns.indexOf("lead_origin=Landing Page Submission")]).isEqualTo(1f);
    assertThat(row[columns.indexOf("lead_origin=API")]).isEqualTo(0f);
    assertThat(row[columns.indexOf("totalvisits")]).isEqualTo((float) Math.log1p(4));
    assertThat(row[columns.indexOf("total_time_spent_on_website")])
        .isEqualTo((float) Math.log1p(771));
    assertThat(row[columns.indexOf("do_not_email")]).isEqualTo(0f);
    assertThat(row[columns.indexOf("country")]).as("one level, one column").isEqualTo(1f);
    float[] first = new FeatureExtractor(spec).extract(leads.get(0).event(), 0.25);
    assertThat(first[columns.indexOf("city=Mumbai")]).isNaN();
  }

  @Test
  void shouldMergeSpellingsThatDifferInCaseAndHonourMinCountAndMaxLevels() throws Exception {
    LeadMapping mapping =
        LeadMapping.parse(
            """
            id: Id
            label: {column: Won, positive: ["1"], negative: ["0"]}
            features:
              - {column: Source, type: categorical, min_count: 2, max_levels: 2}
            """,
            "m.yaml");
    String csv =
        "Id,Won,Source\n1,1,google\n2,0,Google\n3,1,Google\n4,0,Fair\n5,1,Fair\n6,0,Ads\n"
            + "7,0,Ads\n8,0,Web\n";

    FeatureSpec spec = CrmFeatureSpec.build(mapping, read(mapping, csv));

    assertThat(spec.features()).hasSize(1);
    assertThat(spec.features().get(0).levels()).containsExactly("Google", "Fair");
  }

  @Test
  void shouldRejectACategoricalWithNoFrequentEnoughValue() throws Exception {
    LeadMapping mapping =
        LeadMapping.parse(
            """
            id: Id
            label: {column: Won, positive: ["1"], negative: ["0"]}
            features:
              - {column: Visits, type: numeric}
              - {column: Source, type: categorical}
            """,
            "m.yaml");
    List<LabelledLead> leads = read(mapping, "Id,Won,Visits,Source\n1,1,3,Web\n2,0,4,Fair\n");

    assertThatThrownBy(() -> CrmFeatureSpec.build(mapping, leads))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "m.yaml: features[1] 'Source' has no value seen at least 10 times in the 2 leads;"
                + " lower its min_count or make it another type");
  }

  private List<LabelledLead> read(LeadMapping mapping, String csv) throws Exception {
    Path file = dir.resolve("export.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return new CrmExportReader(mapping).read(file).leads();
  }

  private static Feature feature(FeatureSpec spec, String name) {
    return spec.features().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }
}
