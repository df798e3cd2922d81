package io.leadstream.app.model;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.app.testing.BundleFolders;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScorerCheckTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"default", "zh"})
  void shouldPassTheShippedBundles(String name) {
    try (ModelBundle bundle = ModelBundle.load(BundleFolders.copyShipped(name, dir.resolve(name)));
        LeadScorer scorer = bundle.newScorer()) {
      assertThatCode(() -> ScorerCheck.check(scorer)).doesNotThrowAnyException();
    }
  }

  @Test
  void shouldRefuseABundleWhoseModelCannotReadTheLongestTextItsManifestAllows() {
    // all-MiniLM-L6-v2 has 512 position embeddings: short texts read, 600 tokens do not
    Path bundle = BundleFolders.copyShipped("default", dir.resolve("too-long"));
    BundleFolders.editManifest(
        bundle, manifest -> ((ObjectNode) manifest.get("encoder")).put("maxTokens", 600));

    try (ModelBundle loaded = ModelBundle.load(bundle);
        LeadScorer scorer = loaded.newScorer()) {
      assertThatThrownBy(() -> ScorerCheck.check(scorer))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("reads the canary leads but fails on a text of the most tokens")
          .hasMessageContaining("maxTokens")
          .hasMessageContaining("512 by 600");
      assertThatCode(() -> ScorerCheck.checkCanaries(scorer))
          .as("readiness' check, the canary leads alone, which the bundle reads")
          .doesNotThrowAnyException();
    }
  }
}
