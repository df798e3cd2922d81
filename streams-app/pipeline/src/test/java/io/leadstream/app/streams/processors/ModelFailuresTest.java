package io.leadstream.app.streams.processors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.app.streams.errors.ModelFailureException;
import io.leadstream.app.testing.BundleFolders;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model failed on a record: was it the record, or the model? The canary leads, scored right
 * after by the same real scorer, tell.
 */
class ModelFailuresTest {

  @TempDir Path dir;

  private final RuntimeException failureOnOneRecord =
      new IllegalArgumentException("input shape [1, 900] too long");

  @Test
  void shouldBlameTheRecordWhenTheModelStillScoresTheCanaries() {
    try (ModelBundle bundle =
            ModelBundle.load(BundleFolders.copyShipped("default", dir.resolve("bundle")));
        LeadScorer scorer = bundle.newScorer()) {

      RuntimeException verdict =
          ModelFailures.classify(failureOnOneRecord, scorer, "read the text of");

      assertThat(verdict).isInstanceOf(InvalidLeadException.class);
      assertThat(((InvalidLeadException) verdict).reason()).isEqualTo(DeadLetterReason.UNSCORABLE);
      assertThat(verdict.getMessage())
          .contains(bundle.version(), "IllegalArgumentException")
          .doesNotContain("too long");
    }
  }

  @Test
  void shouldBlameTheModelWhenTheCanariesFailToo() {
    ModelBundle bundle =
        ModelBundle.load(BundleFolders.copyShipped("default", dir.resolve("bundle")));
    try (LeadScorer scorer = bundle.newScorer()) {
      bundle.close(); // the encoder's native session is gone

      RuntimeException verdict =
          ModelFailures.classify(failureOnOneRecord, scorer, "read the text of");

      assertThat(verdict)
          .isInstanceOf(ModelFailureException.class)
          .hasMessageContaining("fails on the canary leads too");
      assertThat(verdict.getCause()).isSameAs(failureOnOneRecord);
    }
  }
}
