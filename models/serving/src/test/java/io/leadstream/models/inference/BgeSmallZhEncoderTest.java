package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.scoring.TextSignal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Chinese encoder of the zh bundle, run from its langchain4j jar on the class path. */
class BgeSmallZhEncoderTest {

  static final String SOURCE_EXAMPLE = "客户 ABC 公司有意向采购我们的 XYZ 产品,初步谈好了合作意向,需要进一步沟通具体的采购数量和交付时间。";

  private static EncoderModel model;
  private static TextEncoder encoder;

  @BeforeAll
  static void loadBge() {
    model = EncoderModel.load(spec(), ModelSource.forClasspath(""));
    encoder = model.newEncoder();
  }

  @AfterAll
  static void close() {
    encoder.close();
    model.close();
  }

  static EncoderSpec spec() {
    return EncoderSpec.bgeSmallZhV15(
        ModelSource.describeClasspathResource("bge-small-zh-v1.5.onnx"),
        ModelSource.describeClasspathResource("bge-small-zh-v1.5-tokenizer.json"));
  }

  @Test
  void shouldReturnUnitNormEmbeddingsOf512Dimensions() {
    List<TextEmbedding> vectors = encoder.embed(List.of("", "你好", SOURCE_EXAMPLE));

    assertThat(vectors)
        .allSatisfy(
            v -> {
              assertThat(v.vector()).hasSize(512);
              assertThat(Math.sqrt(TextEncoderTest.dot(v.vector(), v.vector())))
                  .isCloseTo(1.0, within(1e-4));
            });
  }

  @Test
  void shouldReadTheSourceDocumentsChineseLeadThatMiniLmCannot() {
    TextEmbedding bge = encoder.embed(SOURCE_EXAMPLE);
    double miniLmRatio;
    try (EncoderModel miniLm = EncoderModel.load(MiniLm.spec(), ModelSource.forClasspath(""));
        TextEncoder english = miniLm.newEncoder()) {
      miniLmRatio = english.embed(SOURCE_EXAMPLE).unknownTokenRatio();
    }

    assertThat(bge.unknownTokenRatio()).isLessThan(0.05);
    assertThat(bge.tokens()).isBetween(40, 60);
    assertThat(miniLmRatio).isGreaterThan(TextSignal.MAX_UNKNOWN_RATIO);
  }

  @Test
  void shouldLowerCaseLatinWordsBecauseTheVocabularyHasNoCapitals() {
    TextEmbedding upper = encoder.embed("我们现在使用SAP和Salesforce");
    TextEmbedding lower = encoder.embed("我们现在使用sap和salesforce");

    assertThat(upper.unknownTokenRatio()).isZero();
    assertThat(upper.vector()).containsExactly(lower.vector());
  }

  @Test
  void shouldCountTheUnknownTokenOfItsVocabulary() {
    TextEmbedding unknown = encoder.embed("🙂🙂🙂");

    assertThat(unknown.unknownTokenRatio()).isEqualTo(1.0);
  }

  @Test
  void shouldIgnorePaddingWithClsPooling() {
    String shortText = "需要报价,希望下周签合同。";
    float[] alone = encoder.embed(shortText).vector();
    float[] padded = encoder.embed(List.of(SOURCE_EXAMPLE, shortText)).get(1).vector();

    for (int d = 0; d < alone.length; d++) {
      assertThat(padded[d]).isCloseTo(alone[d], within(1e-4f));
    }
  }

  @Test
  void shouldPlaceSimilarChineseTextsCloserThanUnrelatedOnes() {
    List<TextEmbedding> v =
        encoder.embed(List.of("预算已批准,希望下周签合同。", "预算批下来了,我们下周签约。", "我是学生,正在写毕业论文。"));

    double similar = TextEncoderTest.dot(v.get(0).vector(), v.get(1).vector());
    double unrelated = TextEncoderTest.dot(v.get(0).vector(), v.get(2).vector());

    assertThat(similar).isGreaterThan(unrelated + 0.1);
  }
}
