package io.leadstream.models.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.models.BundleException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCopyTest {

  @TempDir Path dir;

  @Test
  void shouldCopyAShippedBundleIntoAFolderThatLoadsAsTheSameVersion() {
    Path folder = BundleCopy.copy(ModelBundle.DEFAULT_BUNDLE, dir.resolve("default"));

    try (ModelBundle copied = ModelBundle.load(folder.toString());
        ModelBundle shipped = ModelBundle.load(ModelBundle.DEFAULT_BUNDLE)) {
      assertThat(copied.version()).isEqualTo(shipped.version());
    }
    assertThat(folder.resolve(BundleManifest.FILE_NAME)).isRegularFile();
  }

  @Test
  void shouldNameTheMissingFileOfAnIncompleteBundle() throws Exception {
    Path folder = BundleCopy.copy(ModelBundle.DEFAULT_BUNDLE, dir.resolve("first"));
    Files.delete(folder.resolve("scorer.ubj"));

    assertThatThrownBy(() -> BundleCopy.copy(folder.toString(), dir.resolve("second")))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("scorer.ubj");
  }
}
