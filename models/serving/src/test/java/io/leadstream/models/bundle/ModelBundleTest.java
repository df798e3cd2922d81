package io.leadstream.models.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.models.BundleException;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TestLeads;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

  private static ModelBundle bundle;
  private static LeadScorer scorer;

  @TempDir Path folder;

  @BeforeAll
  static void loadDefaultBundle() {
    bundle = ModelBundle.load(ModelBundle.DEFAULT_BUNDLE);
    scorer = bundle.newScorer();
  }

  @AfterAll
  static void close() {
    scorer.close();
    bundle.close();
  }

  @Test
  void shouldLoadTheDefaultBundleFromTheClassPath() {
    assertThat(bundle.version()).startsWith("default-");
    assertThat(scorer.bundleVersion()).isEqualTo(bundle.version());
    assertThat(bundle.manifest().evaluation().model().auc()).isGreaterThan(0.75);
    assertThat(bundle.manifest().files())
        .containsKeys("opportunity-head.json", "scorer.ubj", "MODEL_CARD.md");
  }

  @Test
  void shouldScoreAClearlyHotLeadAboveAClearlyJunkOne() {
    LeadEvent hot = TestLeads.hot();
    LeadEvent junk = TestLeads.junk();

    List<TextSignal> signals = scorer.readTexts(List.of(LeadText.of(hot), LeadText.of(junk)));
    LeadScore hotScore = scorer.score(hot, signals.get(0).opportunityProbability());
    LeadScore junkScore = scorer.score(junk, signals.get(1).opportunityProbability());

    assertThat(signals.get(0).opportunityProbability())
        .isGreaterThan(signals.get(1).opportunityProbability());
    assertThat(hotScore.score()).isGreaterThan(junkScore.score() + 30);
    assertThat(hotScore.tier()).isEqualTo(Tier.HOT);
    assertThat(junkScore.tier()).isEqualTo(Tier.DISQUALIFIED);
    // factors for the score first, largest first; then those against it
    assertThat(hotScore.reasons()).hasSizeBetween(3, 5);
    assertThat(hotScore.reasons().subList(0, 3))
        .allSatisfy(r -> assertThat(r.getContribution()).isPositive());
    assertThat(hotScore.reasons().get(0).getContribution())
        .isGreaterThanOrEqualTo(hotScore.reasons().get(1).getContribution());
  }

  @Test
  void shouldNotReadTextTheEncodersVocabularyDoesNotKnow() {
    String chinese = "客户 ABC 公司有意向采购我们的 XYZ 产品,初步谈好了合作意向,需要进一步沟通具体的采购数量和交付时间。";

    TextSignal signal = scorer.readText(chinese);
    LeadScore score = scorer.score(TestLeads.hot(), signal);

    assertThat(signal.unknownTokenRatio()).isGreaterThan(TextSignal.MAX_UNKNOWN_RATIO);
    assertThat(signal.readable()).isFalse();
    assertThat(signal.opportunityProbability())
        .isEqualTo(scorer.readText("").opportunityProbability());
    assertThat(score.reasons())
        .extracting(r -> r.getLabel())
        .filteredOn(label -> label.startsWith("text"))
        .allSatisfy(label -> assertThat(label).startsWith("text not readable by this model ("));
  }

  @Test
  void shouldGiveTheHeadsPriorForBlankText() {
    TextSignal blank = scorer.readText("   ");

    assertThat(blank.opportunityProbability()).isBetween(0.1, 0.4);
    assertThat(blank.unknownTokenRatio()).isZero();
  }

  @Test
  void shouldNameTheFileWhoseHashDoesNotMatch() throws IOException {
    copyDefaultBundle(folder);
    byte[] scorerModel = Files.readAllBytes(folder.resolve("scorer.ubj"));
    scorerModel[scorerModel.length / 2] ^= 1;
    Files.write(folder.resolve("scorer.ubj"), scorerModel);

    assertThatThrownBy(() -> ModelBundle.load(folder))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("scorer.ubj")
        .hasMessageContaining("sha256 mismatch");
  }

  @Test
  void shouldNameTheMissingFile() throws IOException {
    copyDefaultBundle(folder);
    Files.delete(folder.resolve("opportunity-head.json"));

    assertThatThrownBy(() -> ModelBundle.load(folder))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("opportunity-head.json")
        .hasMessageContaining("missing");
  }

  @Test
  void shouldNameTheFileAndTheFolderWhenTheManifestListsAFileTheFolderLacks() throws IOException {
    copyDefaultBundle(folder);
    editManifest(
        manifest -> ((ObjectNode) manifest.get("files")).put("vocabulary-notes.md", "00ff"));

    assertThatThrownBy(() -> ModelBundle.load(folder))
        .isInstanceOf(BundleException.class)
        .hasMessage("vocabulary-notes.md: file missing in bundle " + folder);
  }

  @Test
  void shouldNameTheEncoderFileAndTheFolderWhenTheEncoderFileIsMissing() throws IOException {
    copyDefaultBundle(folder);
    editManifest(
        manifest ->
            ((ObjectNode) manifest.at("/encoder/model")).put("source", "encoder/model.onnx"));

    assertThatThrownBy(() -> ModelBundle.load(folder))
        .isInstanceOf(BundleException.class)
        .hasMessage(
            "encoder/model.onnx: file missing (looked for "
                + folder.resolve("encoder/model.onnx")
                + ")");
  }

  @Test
  void shouldRejectAnUnknownEngine() throws IOException {
    copyDefaultBundle(folder);
    Path manifest = folder.resolve(BundleManifest.FILE_NAME);
    Files.writeString(
        manifest, Files.readString(manifest).replace("\"OnnxRuntime\"", "\"TensorFlowLite\""));

    assertThatThrownBy(() -> ModelBundle.load(folder))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("manifest.json")
        .hasMessageContaining("TensorFlowLite");
  }

  @Test
  void shouldFailWithoutAManifest() {
    assertThatThrownBy(() -> ModelBundle.load(folder))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("manifest.json");
  }

  private void editManifest(Consumer<JsonNode> edit) throws IOException {
    Path manifest = folder.resolve(BundleManifest.FILE_NAME);
    ObjectMapper json = new ObjectMapper();
    JsonNode tree = json.readTree(manifest.toFile());
    edit.accept(tree);
    json.writeValue(manifest.toFile(), tree);
  }

  static void copyDefaultBundle(Path target) throws IOException {
    String manifest = new String(resource(BundleManifest.FILE_NAME), StandardCharsets.UTF_8);
    Files.writeString(target.resolve(BundleManifest.FILE_NAME), manifest);
    for (String file :
        BundleManifest.fromJson(manifest.getBytes(StandardCharsets.UTF_8)).files().keySet()) {
      Files.createDirectories(target.resolve(file).getParent());
      Files.write(target.resolve(file), resource(file));
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in =
        ModelBundleTest.class.getClassLoader().getResourceAsStream("bundles/default/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
