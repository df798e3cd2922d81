package io.leadstream.tools.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.models.bundle.BundleManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleHistoryTest {

  @TempDir Path root;

  @Test
  void shouldKeepTheReplacedVersionAndRestoreItByteForByte() throws IOException {
    Path bundle = bundle("acme", "v1");
    Map<String, byte[]> v1 = files(bundle);
    BundleHistory history = new BundleHistory(bundle);

    BundleHistory.Change promoted = history.promote(bundle("acme.candidate", "v2"), 5);

    assertThat(promoted).isEqualTo(new BundleHistory.Change("v2", "v1"));
    assertThat(version(bundle)).isEqualTo("v2");
    assertThat(Files.exists(root.resolve("acme.candidate"))).isFalse();
    assertThat(history.versions()).extracting(BundleHistory.Version::version).containsExactly("v1");
    assertThat(history.versions().get(0).folder()).isEqualTo(root.resolve("acme.versions/0001-v1"));

    BundleHistory.Change rolledBack = history.rollback(null);

    assertThat(rolledBack).isEqualTo(new BundleHistory.Change("v1", "v2"));
    assertThat(files(bundle)).containsExactlyInAnyOrderEntriesOf(v1);
    assertThat(history.versions()).extracting(BundleHistory.Version::version).containsExactly("v2");
  }

  @Test
  void shouldKeepOnlyTheLatestReplacedVersions() throws IOException {
    Path bundle = bundle("acme", "v1");
    BundleHistory history = new BundleHistory(bundle);

    for (int v = 2; v <= 5; v++) {
      history.promote(bundle("acme.candidate", "v" + v), 2);
    }

    assertThat(version(bundle)).isEqualTo("v5");
    assertThat(history.versions())
        .extracting(BundleHistory.Version::version)
        .containsExactly("v4", "v3");
  }

  @Test
  void shouldRestoreANamedVersionAndNameTheKeptOnesForAnUnknownOne() throws IOException {
    Path bundle = bundle("acme", "v1");
    BundleHistory history = new BundleHistory(bundle);
    history.promote(bundle("acme.candidate", "v2"), 5);
    history.promote(bundle("acme.candidate", "v3"), 5);

    assertThatThrownBy(() -> history.rollback("v9"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("acme.versions; kept: v2, v1")
        .hasMessageStartingWith("version v9 is not kept in ");

    assertThat(history.rollback("v1")).isEqualTo(new BundleHistory.Change("v1", "v3"));
    assertThat(version(bundle)).isEqualTo("v1");
    assertThat(history.versions())
        .extracting(BundleHistory.Version::version)
        .containsExactly("v3", "v2");
  }

  @Test
  void shouldKeepAVersionOnceWhenItIsReplacedAgain() throws IOException {
    Path bundle = bundle("acme", "v1");
    BundleHistory history = new BundleHistory(bundle);
    history.promote(bundle("acme.candidate", "v2"), 5);

    history.rollback(null);
    history.rollback(null);

    assertThat(version(bundle)).isEqualTo("v2");
    assertThat(history.versions()).extracting(BundleHistory.Version::version).containsExactly("v1");
  }

  @Test
  void shouldSayWhenNoVersionIsKept() throws IOException {
    Path bundle = bundle("acme", "v1");

    assertThatThrownBy(() -> new BundleHistory(bundle).rollback(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no earlier version of " + bundle + " is kept in ");
  }

  /** A folder with a bundle manifest of {@code version} and a scorer file unique to it. */
  private Path bundle(String folder, String version) throws IOException {
    Path dir = Files.createDirectories(root.resolve(folder));
    String manifest;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("bundles/default/manifest.json")) {
      manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String current = BundleManifest.fromJson(manifest.getBytes(StandardCharsets.UTF_8)).version();
    Files.writeString(dir.resolve(BundleManifest.FILE_NAME), manifest.replace(current, version));
    Files.write(
        dir.resolve("scorer.ubj"), ("scorer of " + version).getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(dir.resolve("plots"));
    Files.write(dir.resolve("plots/roc.png"), new byte[] {1, 2, 3});
    return dir;
  }

  private static String version(Path bundle) {
    return BundleHistory.manifest(bundle).version();
  }

  private static Map<String, byte[]> files(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(path).toString(), Files.readAllBytes(path));
      }
    }
    return files;
  }
}
