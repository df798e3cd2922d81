package io.leadstream.app.streams.processors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The batch the read-text step holds, set or chosen from the real bundles' encoders. */
class InferenceBatchTest {

  @BeforeAll
  static void offline() {
    System.setProperty("ai.djl.offline", "true");
  }

  @Test
  void shouldHoldEightForTheDefaultBundlesInt8EncoderWhichReadsEachTextAlone() {
    InferenceBatch batch = InferenceBatch.of(new LeadStreamConfig(Map.of()));

    assertThat(batch.configured()).as("the default setting chooses").isZero();
    assertThat(batch.mayHold()).isTrue();
    assertThat(limitFor(batch, ModelBundle.DEFAULT_BUNDLE))
        .isEqualTo(InferenceBatch.EACH_TEXT_ALONE);
  }

  @Test
  void shouldHoldOneForEncodersThatReadPaddedBatches() {
    InferenceBatch batch = new InferenceBatch(0);

    assertThat(limitFor(batch, "classpath:bundles/x-education-pre-contact"))
        .as("fp32 MiniLM")
        .isEqualTo(1);
    assertThat(limitFor(batch, "classpath:bundles/t5-zero-shot")).as("zero-shot T5").isEqualTo(1);
  }

  @Test
  void shouldHoldWhatIsSetWhateverTheEncoder() {
    assertThat(limitFor(new InferenceBatch(3), ModelBundle.DEFAULT_BUNDLE)).isEqualTo(3);
    assertThat(limitFor(new InferenceBatch(1), ModelBundle.DEFAULT_BUNDLE)).isEqualTo(1);
    assertThat(new InferenceBatch(1).mayHold()).as("1 reads each record as it comes").isFalse();
  }

  private static int limitFor(InferenceBatch batch, String bundle) {
    try (ModelBundle model = ModelBundle.load(bundle);
        LeadScorer scorer = model.newScorer()) {
      return batch.limit(scorer);
    }
  }
}
