package io.leadstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.broker.EmbeddedKafkaBroker;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.observe.OutcomeReader;
import io.leadstream.app.observe.OutcomeWaiter;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.EmbeddedKafkaExtension;
import io.leadstream.app.testing.OutcomeLedger;
import io.leadstream.app.testing.TestFeed;
import io.leadstream.models.bundle.BundleManifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new bundle dropped into the bundle folder is swapped in while leads flow, with no lost or
 * doubled event; a broken one is rejected and the serving bundle goes on.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ModelReloadIT {

  private static final String NEW_VERSION = "default-reloaded-test";

  @TempDir Path dir;

  @Test
  void shouldSwapInANewBundleMidStreamAndRejectABrokenOne(EmbeddedKafkaBroker broker) throws Exception {
    Path bundle = copyDefaultBundle(dir.resolve("bundle"));
    LeadStreamConfig config = IntegrationConfigs.forRun(broker.bootstrapServers(), "reload", dir.resolve("state"),
        Map.of(LeadStreamConfig.MODEL_BUNDLE_CONFIG, bundle.toString(),
            LeadStreamConfig.MODEL_RELOAD_INTERVAL_CONFIG, 200));
    TopicCreator.createMissing(config);
    TestFeed feed = TestFeed.of(240);
    feed.sendAll(config);

    OutcomeLedger ledger = new OutcomeLedger();
    try (LeadStreamApp app = LeadStreamApp.start(config);
         OutcomeReader reader = new OutcomeReader(config)) {
      String firstVersion = app.modelVersion();
      OutcomeWaiter.await(reader, 20, Duration.ofSeconds(120), ledger::add);

      setVersion(bundle, NEW_VERSION);
      awaitVersion(app, NEW_VERSION);
      ledger.readAll(reader, feed.size() - ledger.size(), Duration.ofSeconds(180));

      ledger.assertExactlyOnce(feed);
      List<String> seen = ledger.versionsByLead().values().stream().flatMap(List::stream).distinct().toList();
      assertThat(seen).containsExactlyInAnyOrder(firstVersion, NEW_VERSION);
      ledger.versionsByLead().forEach((lead, versions) -> {
        int firstNew = versions.indexOf(NEW_VERSION);
        if (firstNew >= 0) {
          assertThat(versions.subList(firstNew, versions.size())).as("versions of " + lead).containsOnly(NEW_VERSION);
        }
      });

      Files.write(bundle.resolve("scorer.ubj"), new byte[] {1, 2, 3});
      setVersion(bundle, "broken");
      Thread.sleep(1500);
      assertThat(app.modelVersion()).isEqualTo(NEW_VERSION);
      String metrics = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.opsPort().orElseThrow() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics)
          .contains("leadstream_model_reloads_total{result=\"loaded\"} 1.0")
          .contains("leadstream_model_reloads_total{result=\"rejected\"} 1.0")
          .contains("leadstream_model_info{version=\"" + NEW_VERSION + "\"} 1");
    }
  }

  private static Path copyDefaultBundle(Path target) throws IOException {
    Files.createDirectories(target);
    List<String> files = new ArrayList<>(List.of(BundleManifest.FILE_NAME));
    try (InputStream in = ModelReloadIT.class.getClassLoader()
        .getResourceAsStream("bundles/default/" + BundleManifest.FILE_NAME)) {
      files.addAll(BundleManifest.fromJson(in.readAllBytes()).files().keySet());
    }
    for (String file : files) {
      try (InputStream in = ModelReloadIT.class.getClassLoader().getResourceAsStream("bundles/default/" + file)) {
        Files.createDirectories(target.resolve(file).getParent());
        Files.copy(in, target.resolve(file));
      }
    }
    return target;
  }

  /** Rewrites the manifest's version the way a deployment would: a new file moved into place. */
  private static void setVersion(Path bundle, String version) throws IOException {
    String manifest = Files.readString(bundle.resolve("manifest.json"))
        .replaceFirst("\"version\" : \"[^\"]+\"", "\"version\" : \"" + version + "\"");
    Path staged = bundle.resolve("manifest.json.new");
    Files.writeString(staged, manifest);
    Files.move(staged, bundle.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void awaitVersion(LeadStreamApp app, String version) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!app.modelVersion().equals(version) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(app.modelVersion()).isEqualTo(version);
  }
}
