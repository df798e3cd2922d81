package io.leadstream.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.testing.BundleFolders;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.ModelBundle;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cards live evaluation compares with: those of every bundle the instance has served. */
class ActiveModelTest {

  @TempDir Path dir;

  @Test
  void shouldRememberTheManifestOfEveryBundleServed() {
    Path first = BundleFolders.copyShipped("default", dir.resolve("first"));
    Path second = BundleFolders.copyShipped("default", dir.resolve("second"));
    BundleFolders.setVersion(second, "second-2026.12.01-00000000");
    CompletableFuture<ModelBundle> loading = new CompletableFuture<>();
    try (ActiveModel model = new ActiveModel(loading)) {
      assertThat(model.servedManifests()).as("while the first loads").isEmpty();
      loading.complete(ModelBundle.load(first));
      String firstVersion = model.servedManifests().get(0).version();

      model.swap(ModelBundle.load(second));
      model.swap(ModelBundle.load(first));

      assertThat(model.servedManifests())
          .extracting(BundleManifest::version)
          .as("one per version, the serving one last")
          .containsExactly("second-2026.12.01-00000000", firstVersion);
    }
  }
}
