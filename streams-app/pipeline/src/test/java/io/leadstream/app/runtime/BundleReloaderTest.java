package io.leadstream.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.model.ActiveModel;
import io.leadstream.app.ops.AppMetrics;
import io.leadstream.app.testing.BundleFolders;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.inference.InferenceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live reload tries a rejected bundle once, and again only when the folder changes. */
class BundleReloaderTest {

  @TempDir Path dir;

  @Test
  void shouldNotReloadARejectedBundleUntilTheFolderChanges() throws Exception {
    Path bundle = BundleFolders.copyShipped("default", dir.resolve("bundle"));
    try (ActiveModel model = new ActiveModel(ModelBundle.load(bundle));
        AppMetrics metrics = new AppMetrics();
        BundleReloader reloader =
            BundleReloader.start(
                bundle, InferenceOptions.ENGINE_DEFAULT, model, metrics, Duration.ofHours(1))) {
      Files.write(bundle.resolve("scorer.ubj"), new byte[] {1, 2, 3});
      BundleFolders.setVersion(bundle, "broken");

      reloader.checkOnce();
      reloader.checkOnce();
      reloader.checkOnce();
      double afterThreePolls = rejected(metrics);
      Files.setLastModifiedTime(
          bundle.resolve("scorer.ubj"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
      reloader.checkOnce();

      assertThat(afterThreePolls).as("three polls of one rejected bundle").isEqualTo(1.0);
      assertThat(rejected(metrics)).as("a changed file is tried again").isEqualTo(2.0);
      assertThat(model.current().version()).isNotEqualTo("broken");
    }
  }

  private static double rejected(AppMetrics metrics) {
    return metrics
        .scrape()
        .lines()
        .filter(line -> line.startsWith("leadstream_model_reloads_total{result=\"rejected\"}"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }
}
