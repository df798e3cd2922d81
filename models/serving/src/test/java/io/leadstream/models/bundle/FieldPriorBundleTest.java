package io.leadstream.models.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.models.scoring.ColdStartPrior;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TestLeads;
import io.leadstream.schema.Engagement;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Reason;
import io.leadstream.schema.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The t5-zero-shot fixture bundle with the cold-start {@code fieldPrior} in place of text-only
 * scoring: the fields move the score, and the reasons say which.
 */
class FieldPriorBundleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEXT = "Budget approved, please send the contract.";

  @TempDir static Path folder;

  private static ModelBundle bundle;
  private static LeadScorer scorer;

  @BeforeAll
  static void load() throws IOException {
    ObjectNode manifest =
        (ObjectNode) JSON.readTree(resource("bundles/t5-zero-shot/manifest.json"));
    manifest.set("fieldPrior", JSON.valueToTree(ColdStartPrior.of(0.2)));
    Files.write(folder.resolve(BundleManifest.FILE_NAME), JSON.writeValueAsBytes(manifest));
    Files.write(folder.resolve("MODEL_CARD.md"), resource("bundles/t5-zero-shot/MODEL_CARD.md"));
    bundle = ModelBundle.load(folder);
    scorer = bundle.newScorer();
  }

  @AfterAll
  static void close() {
    scorer.close();
    bundle.close();
  }

  @Test
  void shouldRankALeadWithStrongFieldsAboveTheSameTextWithWeakFields() {
    LeadScore strong = score(strong());
    LeadScore weak = score(weak());

    assertThat(strong.score()).isGreaterThan(weak.score() + 50);
    assertThat(strong.tier()).isEqualTo(Tier.HOT);
    assertThat(weak.tier()).isEqualTo(Tier.DISQUALIFIED);
    assertThat(bundle.manifest().scoresTextOnly()).isFalse();
  }

  @Test
  void shouldNameTheFieldsInTheReasonsInScorePoints() {
    LeadEvent lead = strong();
    LeadScore score = score(lead);

    assertThat(score.reasons())
        .extracting(Reason::getLabel)
        .contains("purchase intent 5/5", "4 meetings");
    assertThat(score.reasons()).allMatch(r -> r.getContribution() > 0);
    LeadScore weak = score(weak());
    assertThat(weak.reasons())
        .extracting(Reason::getLabel)
        .contains("purchase intent 1/5", "no contact for 90 days");
    assertThat(weak.reasons())
        .filteredOn(r -> !r.getFeature().equals("opportunity_probability"))
        .isNotEmpty()
        .allMatch(r -> r.getContribution() < 0);
  }

  @Test
  void shouldShareOutTheDistanceFromTheReferenceLeadsScore() {
    // the reasons show at most 3 + 2 terms: a lead moved by two only (its text at the prior)
    LeadEvent lead = TestLeads.bare("two").setPurchaseIntent(5).setBudget(100_000.0).build();
    LeadScore score = scorer.score(lead, 0.2);

    double points = score.reasons().stream().mapToDouble(Reason::getContribution).sum();
    double reference = 100 / (1 + Math.exp(-ColdStartPrior.INTERCEPT));
    assertThat(points).isCloseTo(100 * score.probability() - reference, within(0.02));
    assertThat(score.reasons())
        .extracting(Reason::getFeature)
        .containsExactly("purchase_intent", "budget");
  }

  private static LeadScore score(LeadEvent lead) {
    return scorer.score(lead, scorer.readText(LeadText.of(lead)));
  }

  private static LeadEvent strong() {
    return TestLeads.bare("strong")
        .setNotes(TEXT)
        .setPurchaseIntent(5)
        .setBudget(250_000.0)
        .setCurrency("EUR")
        .setEngagement(new Engagement(25, 12, 4, 1))
        .build();
  }

  private static LeadEvent weak() {
    return TestLeads.bare("weak")
        .setNotes(TEXT)
        .setPurchaseIntent(1)
        .setEngagement(new Engagement(0, 0, 0, 90))
        .build();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = FieldPriorBundleTest.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
