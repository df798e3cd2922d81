package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.BundleFolders;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.Outcome;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Genuinely different bundles (their own heads, scorers, feature sets and tiers) dropped into the
 * bundle folder one after the other are swapped in while leads flow: no event lost or doubled, per
 * lead no event scored by an older bundle after one scored by a newer, and every output is exactly
 * what the bundle it names computes for its input, so no record was read by one bundle and scored
 * by another. A broken bundle is then rejected and the serving one goes on.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ModelReloadIT {

  /** Swapped in one after the other: three bundles with their own heads, scorers and features. */
  private static final List<String> NEXT_BUNDLES =
      List.of("x-education-pre-contact", "x-education");

  /**
   * Records in flight the feed keeps ahead of the outcomes, so that every swap lands mid-record.
   */
  private static final int IN_FLIGHT = 200;

  @TempDir Path dir;

  @Test
  void shouldSwapInDifferentBundlesMidStreamScoringEachRecordWithOneBundleAndRejectABrokenOne(
      EmbeddedKafkaBroker broker) throws Exception {
    Path folder = BundleFolders.copyShipped("default", dir.resolve("bundle"));
    LeadStreamConfig config =
        IntegrationConfigs.forRun(
            broker.bootstrapServers(),
            "reload",
            dir.resolve("state"),
            Map.of(
                LeadStreamConfig.MODEL_BUNDLE_CONFIG,
                folder.toString(),
                LeadStreamConfig.MODEL_RELOAD_INTERVAL_CONFIG,
                200));
    TopicCreator.createMissing(config);
    Map<String, LeadEvent> sent = new ConcurrentHashMap<>();
    List<PrioritizedLead> scored = Collections.synchronizedList(new ArrayList<>());
    Map<String, ModelBundle> bundles = new LinkedHashMap<>();

    try (LeadStreamApp app = LeadStreamApp.start(config);
        OutcomeReader reader = new OutcomeReader(config);
        SteadyFeed feed = SteadyFeed.start(config, sent, scored)) {
      ModelBundle first = ModelBundle.load(folder);
      bundles.put(first.version(), first);
      app.awaitRunning(Duration.ofSeconds(60));
      OutcomeWaiter.await(reader, 20, Duration.ofSeconds(120), o -> collect(o, scored));
      for (String name : NEXT_BUNDLES) {
        Path next = BundleFolders.copyShipped(name, dir.resolve(name));
        ModelBundle bundle = ModelBundle.load(next);
        bundles.put(bundle.version(), bundle);
        replaceBundle(next, folder);
        awaitOutputsOf(bundle.version(), 30, reader, scored);
      }
      feed.stop();
      OutcomeWaiter.await(
          reader, sent.size() - scored.size(), Duration.ofSeconds(120), o -> collect(o, scored));
      OutcomeWaiter.await(
          reader, Integer.MAX_VALUE, Duration.ofSeconds(2), o -> collect(o, scored));

      List<String> versions = List.copyOf(bundles.keySet());
      assertThat(scored)
          .extracting(PrioritizedLead::getEventId)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(sent.keySet());
      assertThat(scored)
          .extracting(PrioritizedLead::getModelVersion)
          .isSubsetOf(versions)
          .containsAll(versions);
      assertEachLeadMovesForwardThrough(versions, scored);
      assertThat(scored)
          .hasSize(sent.size())
          .allSatisfy(lead -> assertRecomputes(lead, sent, bundles));

      Files.write(folder.resolve("scorer.ubj"), new byte[] {1, 2, 3});
      BundleFolders.setVersion(folder, "broken");
      String metrics = awaitMetric(app, "leadstream_model_reloads_total{result=\"rejected\"} 1.0");
      String last = versions.get(versions.size() - 1);
      assertThat(app.modelVersion()).isEqualTo(last);
      assertThat(metrics)
          .contains("leadstream_model_reloads_total{result=\"loaded\"} 2.0")
          .contains("leadstream_model_info{version=\"" + last + "\"} 1");
    } finally {
      bundles.values().forEach(ModelBundle::close);
    }
  }

  private static void collect(Outcome outcome, List<PrioritizedLead> scored) {
    if (outcome instanceof Outcome.Scored s) {
      scored.add(s.lead());
    }
  }

  private static void awaitOutputsOf(
      String version, int count, OutcomeReader reader, List<PrioritizedLead> scored) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (scored.stream().filter(l -> l.getModelVersion().equals(version)).count() < count
        && System.nanoTime() < deadline) {
      OutcomeWaiter.await(reader, 1, Duration.ofSeconds(1), o -> collect(o, scored));
    }
  }

  /**
   * Recomputes the output's p(opportunity), score and tier with the bundle its modelVersion names.
   */
  private static void assertRecomputes(
      PrioritizedLead lead, Map<String, LeadEvent> sent, Map<String, ModelBundle> bundles) {
    LeadEvent input = sent.get(lead.getEventId());
    try (LeadScorer scorer = bundles.get(lead.getModelVersion()).newScorer()) {
      TextSignal text = scorer.readText(LeadText.of(input));
      LeadScore expected = scorer.score(input, text);
      assertThat(lead.getOpportunityProbability())
          .as("p(opportunity) of " + lead.getEventId())
          .isCloseTo(text.opportunityProbability(), offset(1e-6));
      assertThat(lead.getScore()).as("score of " + lead.getEventId()).isEqualTo(expected.score());
      assertThat(lead.getTier()).as("tier of " + lead.getEventId()).isEqualTo(expected.tier());
    }
  }

  /** Per lead, the versions that scored its events never go back to an earlier bundle. */
  private static void assertEachLeadMovesForwardThrough(
      List<String> versions, List<PrioritizedLead> scored) {
    Map<String, List<Integer>> byLead = new LinkedHashMap<>();
    scored.forEach(
        l ->
            byLead
                .computeIfAbsent(l.getLeadId(), id -> new ArrayList<>())
                .add(versions.indexOf(l.getModelVersion())));
    byLead.forEach((lead, order) -> assertThat(order).as("bundles that scored " + lead).isSorted());
  }

  /** Deploys a bundle as documented: every other file first, manifest.json last. */
  private static void replaceBundle(Path from, Path to) throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.endsWith(BundleManifest.FILE_NAME))
              .toList();
    }
    for (Path file : files) {
      Path target = to.resolve(from.relativize(file).toString());
      Files.createDirectories(target.getParent());
      Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }
    Path staged = to.resolve(BundleManifest.FILE_NAME + ".new");
    Files.copy(from.resolve(BundleManifest.FILE_NAME), staged, StandardCopyOption.REPLACE_EXISTING);
    Files.move(
        staged,
        to.resolve(BundleManifest.FILE_NAME),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static String awaitMetric(LeadStreamApp app, String expected) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create("http://127.0.0.1:" + app.opsPort().orElseThrow() + "/metrics");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String metrics;
    do {
      metrics =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
              .body();
      if (metrics.contains(expected)) {
        return metrics;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    assertThat(metrics).contains(expected);
    return metrics;
  }

  /**
   * Sends leads (over 40 leads, several events each) until stopped, keeping {@link #IN_FLIGHT}
   * records ahead of the outcomes read, so the stream threads are always busy when a bundle swaps.
   */
  private static final class SteadyFeed implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private SteadyFeed(
        LeadStreamConfig config, Map<String, LeadEvent> sent, List<PrioritizedLead> scored) {
      thread =
          new Thread(
              () -> {
                try (LeadProducer producer = new LeadProducer(config)) {
                  for (int i = 0; running.get(); i++) {
                    while (running.get() && sent.size() - scored.size() > IN_FLIGHT) {
                      Thread.sleep(5);
                    }
                    String leadId = "lead-" + (i % 40);
                    LeadEvent event =
                        (i % 3 == 0 ? TestLeads.hot(leadId) : TestLeads.junk(leadId))
                            .setEventId(leadId + "-event-" + i)
                            .setPurchaseIntent(1 + i % 5)
                            .build();
                    sent.put(event.getEventId(), event);
                    producer.send(event);
                    if (i % 20 == 19) {
                      producer.flushAndCount();
                    }
                  }
                  producer.flushAndCount();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "steady-feed");
      thread.start();
    }

    static SteadyFeed start(
        LeadStreamConfig config, Map<String, LeadEvent> sent, List<PrioritizedLead> scored) {
      return new SteadyFeed(config, sent, scored);
    }

    void stop() {
      running.set(false);
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      stop();
    }
  }
}
