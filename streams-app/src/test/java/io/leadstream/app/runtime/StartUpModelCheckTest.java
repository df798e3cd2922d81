package io.leadstream.app.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.testing.BundleFolders;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle that cannot score the canary leads never starts serving. */
class StartUpModelCheckTest {

  @TempDir Path dir;

  @Test
  void shouldRefuseToStartWithABundleThatFailsOnEveryRecord() {
    Path bundle = BundleFolders.copyShipped("default", dir.resolve("bundle"));
    BundleFolders.editManifest(bundle, manifest -> {
      ArrayNode inputs = (ArrayNode) ((ObjectNode) manifest.get("encoder")).get("inputs");
      inputs.set(0, inputs.textNode("input_idz"));
    });
    LeadStreamConfig config = new LeadStreamConfig(Map.of(
        "bootstrap.servers", "localhost:1",
        LeadStreamConfig.MODEL_BUNDLE_CONFIG, bundle.toString(),
        LeadStreamConfig.HTTP_PORT_CONFIG, -1));

    assertThatThrownBy(() -> LeadStreamApp.start(config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot score the canary leads, so LeadStream does not start")
        .hasMessageContaining("input_idz");
  }
}
