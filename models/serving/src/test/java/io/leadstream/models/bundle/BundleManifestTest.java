package io.leadstream.models.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.models.BundleException;
import io.leadstream.models.inference.ZeroShotSpec;
import io.leadstream.models.scoring.ColdStartPrior;
import io.leadstream.models.scoring.FieldPrior;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which text source and which scoring a manifest selects, and the combinations it refuses. */
class BundleManifestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldReadAnOlderHeadAndScorerManifestUnchanged() throws IOException {
    BundleManifest manifest = BundleManifest.fromJson(resource("bundles/zh/manifest.json"));

    assertThat(manifest.readsTextZeroShot()).isFalse();
    assertThat(manifest.scoresTextOnly()).isFalse();
    assertThat(manifest.head()).isEqualTo("opportunity-head.json");
    assertThat(JSON.readTree(manifest.toJson()).has("zeroShot"))
        .as("written only when set")
        .isFalse();
    assertThat(manifest.driftReference()).as("written before drift references").isNull();
    assertThat(JSON.readTree(manifest.toJson()).has("driftReference")).isFalse();
  }

  @Test
  void shouldWriteAndReadADriftReference() throws IOException {
    DriftReference reference =
        new DriftReference(
            "train",
            6,
            List.of(
                new DriftReference.Quantity(
                    DriftReference.Kind.SCORE,
                    "score",
                    List.of(20.0, 55.5),
                    List.of(0.5, 0.25, 0.25),
                    0),
                new DriftReference.Quantity(
                    DriftReference.Kind.FEATURE, "budget", List.of(), List.of(0.75), 0.25)));
    BundleManifest manifest =
        BundleManifest.fromJson(resource("bundles/default/manifest.json"))
            .withDriftReference(reference);

    byte[] json = manifest.toJson();

    assertThat(BundleManifest.fromJson(json)).isEqualTo(manifest);
    JsonNode score = JSON.readTree(json).get("driftReference").get("quantities").get(0);
    assertThat(score.get("kind").asText()).isEqualTo("score");
    assertThat(score.get("edges").toString()).isEqualTo("[20.0,55.5]");
    assertThat(manifest.withFiles(Map.of()).driftReference()).isEqualTo(reference);
  }

  @Test
  void shouldRefuseADriftReferenceOfAFeatureTheBundleDoesNotRead() throws IOException {
    BundleManifest manifest =
        BundleManifest.fromJson(resource("bundles/default/manifest.json"))
            .withDriftReference(
                new DriftReference(
                    "train",
                    1,
                    List.of(
                        new DriftReference.Quantity(
                            DriftReference.Kind.FEATURE,
                            "shoe_size",
                            List.of(),
                            List.of(1.0),
                            0))));

    assertThatThrownBy(() -> BundleManifest.fromJson(manifest.toJson()))
        .isInstanceOf(BundleException.class)
        .hasMessage(
            "manifest.json: 'driftReference' names feature 'shoe_size', not one of 'features'");
  }

  @Test
  void shouldRefuseADriftReferenceWhoseSharesDoNotFitItsEdges() throws IOException {
    ObjectNode tree = (ObjectNode) JSON.readTree(resource("bundles/default/manifest.json"));
    tree.set(
        "driftReference",
        JSON.readTree(
            "{\"split\":\"train\",\"leads\":2,\"quantities\":[{\"kind\":\"score\","
                + "\"name\":\"score\",\"edges\":[1.0],\"shares\":[1.0],\"missing\":0}]}"));

    assertThatThrownBy(() -> BundleManifest.fromJson(JSON.writeValueAsBytes(tree)))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("manifest.json: cannot parse")
        .hasMessageContaining("1 edges need 2 shares, not 1");
  }

  @Test
  void shouldReadAZeroShotTextOnlyManifest() throws IOException {
    BundleManifest manifest =
        BundleManifest.fromJson(resource("bundles/t5-zero-shot/manifest.json"));

    assertThat(manifest.readsTextZeroShot()).isTrue();
    assertThat(manifest.scoresTextOnly()).isTrue();
    assertThat(manifest.zeroShot().decoderStep().source())
        .isEqualTo("classpath:t5-tiny/decoder_step.pt");
    assertThat(manifest.zeroShot().prior()).isEqualTo(0.2);
    assertThat(BundleManifest.fromJson(manifest.toJson())).isEqualTo(manifest);
  }

  @Test
  void shouldDefaultTheZeroShotPriorToOneHalf() throws IOException {
    BundleManifest manifest =
        zeroShotManifest(m -> ((ObjectNode) m.get("zeroShot")).remove("prior"));

    assertThat(manifest.zeroShot().prior()).isEqualTo(ZeroShotSpec.DEFAULT_PRIOR).isEqualTo(0.5);
  }

  @Test
  void shouldRefuseAHeadBesideZeroShot() {
    assertThatThrownBy(
            () -> zeroShotManifest(m -> ((ObjectNode) m).put("head", "opportunity-head.json")))
        .isInstanceOf(BundleException.class)
        .hasMessage(
            "manifest.json: 'zeroShot' replaces 'head' and 'encoder'; a bundle reads text"
                + " with one of them");
  }

  @Test
  void shouldReadAZeroShotTextOnlyManifestWithoutAFieldPrior() throws IOException {
    BundleManifest manifest =
        BundleManifest.fromJson(resource("bundles/t5-zero-shot/manifest.json"));

    assertThat(manifest.fieldPrior()).isNull();
    assertThat(JSON.readTree(manifest.toJson()).has("fieldPrior"))
        .as("written only when set")
        .isFalse();
    assertThat(BundleManifest.fromJson(manifest.toJson())).isEqualTo(manifest);
  }

  @Test
  void shouldReadAFieldPriorInPlaceOfAScorer() throws IOException {
    FieldPrior prior = ColdStartPrior.of(0.2);
    BundleManifest manifest =
        zeroShotManifest(m -> ((ObjectNode) m).set("fieldPrior", JSON.valueToTree(prior)));

    assertThat(manifest.fieldPrior()).isEqualTo(prior);
    assertThat(manifest.scoresTextOnly()).isFalse();
    assertThat(manifest.readsNoText()).isFalse();
    assertThat(BundleManifest.fromJson(manifest.toJson())).isEqualTo(manifest);
    JsonNode term = JSON.readTree(manifest.toJson()).at("/fieldPrior/terms/1");
    assertThat(term.get("source").asText()).isEqualTo("purchaseIntent");
    assertThat(term.has("feature")).as("only the term's own numbers").isFalse();
    assertThat(JSON.readTree(manifest.toJson()).get("fieldPrior").fieldNames())
        .toIterable()
        .containsExactly("intercept", "terms");
  }

  @Test
  void shouldReadAFieldPriorWithoutATextTermAsFieldsOnly() throws IOException {
    FieldPrior prior = new FieldPrior(-1, ColdStartPrior.of(0.2).terms().subList(1, 3));

    BundleManifest manifest =
        zeroShotManifest(m -> ((ObjectNode) m).set("fieldPrior", JSON.valueToTree(prior)));

    assertThat(manifest.readsNoText()).isTrue();
  }

  @Test
  void shouldRefuseAFieldPriorBesideAScorer() {
    assertThatThrownBy(
            () ->
                zeroShotManifest(
                    m -> {
                      ((ObjectNode) m).set("fieldPrior", JSON.valueToTree(ColdStartPrior.of(0.2)));
                      ((ObjectNode) m).put("scorer", "scorer.ubj");
                      ((ObjectNode) m).putArray("features");
                    }))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("'fieldPrior' replaces 'scorer'");
  }

  @Test
  void shouldRefuseFeaturesWithoutAScorer() {
    assertThatThrownBy(() -> zeroShotManifest(m -> ((ObjectNode) m).putArray("features")))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("'features' and 'segments' need a 'scorer'");
  }

  @Test
  void shouldRefuseAManifestWithNeitherHeadNorZeroShot() {
    assertThatThrownBy(() -> zeroShotManifest(m -> ((ObjectNode) m).remove("zeroShot")))
        .isInstanceOf(BundleException.class)
        .hasMessage("manifest.json: 'head' missing (or 'zeroShot' for zero-shot text)");
  }

  @Test
  void shouldWriteAnUndefinedRateAsNullAndReadItBackAsNaN() throws IOException {
    BundleManifest trained = BundleManifest.fromJson(resource("bundles/default/manifest.json"));
    BundleManifest.Evaluation evaluation = trained.evaluation();
    BundleManifest.TierOutcome empty =
        new BundleManifest.TierOutcome("DISQUALIFIED", 0, 0, Double.NaN, Double.NaN, 0.0);
    BundleManifest withEmptyTier =
        new BundleManifest(
            trained.format(),
            trained.name(),
            trained.version(),
            trained.createdAt(),
            trained.encoder(),
            trained.head(),
            trained.scorer(),
            trained.features(),
            trained.tiers(),
            trained.training(),
            new BundleManifest.Evaluation(
                evaluation.model(),
                evaluation.baselines(),
                List.of(empty),
                evaluation.warnings(),
                evaluation.regression()),
            trained.files(),
            trained.tierRule(),
            trained.calibration(),
            trained.segments(),
            trained.zeroShot(),
            trained.objective(),
            trained.language(),
            trained.fieldPrior(),
            trained.driftReference());

    byte[] json = withEmptyTier.toJson();

    JsonNode tier = JSON.readTree(json).get("evaluation").get("tiers").get(0);
    assertThat(new String(json, StandardCharsets.UTF_8))
        .doesNotContain("NaN")
        .doesNotContain("Infinity");
    assertThat(tier.get("conversionRate").isNull()).isTrue();
    assertThat(tier.get("lift").isNull()).isTrue();
    assertThat(tier.get("captured").asDouble()).isZero();
    BundleManifest.TierOutcome read = BundleManifest.fromJson(json).evaluation().tiers().get(0);
    assertThat(read.conversionRate()).isNaN();
    assertThat(read.lift()).isNaN();
  }

  private static BundleManifest zeroShotManifest(Consumer<JsonNode> edit) throws IOException {
    JsonNode tree = JSON.readTree(resource("bundles/t5-zero-shot/manifest.json"));
    edit.accept(tree);
    return BundleManifest.fromJson(JSON.writeValueAsBytes(tree));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = BundleManifestTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
