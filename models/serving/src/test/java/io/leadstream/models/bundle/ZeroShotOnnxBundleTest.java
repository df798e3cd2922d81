package io.leadstream.models.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.models.inference.DecoderNames;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TestLeads;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cold-start bundle {@code bundles/t5-zero-shot-onnx}: the tiny T5's ONNX encoder and its
 * decoder in the transformers.js layout on ONNX Runtime, against the Python reference. Its manifest
 * names no decoder names, so the transformers.js ones apply.
 */
class ZeroShotOnnxBundleTest {

  @Test
  void shouldReadAndScoreAsPythonOnOnnxRuntime() throws IOException {
    JsonNode cases;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("t5-tiny/reference.json")) {
      cases = new ObjectMapper().readTree(in).at("/zero_shot/cases");
    }
    List<String> texts = new ArrayList<>();
    cases.forEach(c -> texts.add(c.get("text").asText()));

    try (ModelBundle bundle = ModelBundle.load("classpath:bundles/t5-zero-shot-onnx");
        LeadScorer scorer = bundle.newScorer()) {
      assertThat(bundle.manifest().zeroShot().engine()).isEqualTo("OnnxRuntime");
      assertThat(bundle.manifest().zeroShot().decoderNames())
          .isEqualTo(DecoderNames.TRANSFORMERS_JS);
      List<TextSignal> batched = scorer.readTexts(texts);
      for (int i = 0; i < texts.size(); i++) {
        double python = cases.get(i).get("p_yes").asDouble();
        assertThat(scorer.readText(texts.get(i)).opportunityProbability())
            .isCloseTo(python, within(1e-5));
        assertThat(batched.get(i).opportunityProbability())
            .as("padded batch")
            .isCloseTo(python, within(1e-5));
      }
      LeadEvent lead = TestLeads.bare("lead").setNotes(texts.get(1)).build();
      LeadScore score = scorer.score(lead, scorer.readText(LeadText.of(lead)));
      assertThat(score.score()).isEqualTo(42);
      assertThat(score.tier()).isEqualTo(Tier.HOT);
    }
  }
}
