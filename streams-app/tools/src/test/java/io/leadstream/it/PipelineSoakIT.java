package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.schema.AvroTrust;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.tools.bench.PipelineSoak;
import io.leadstream.tools.bench.PipelineSoak.Sample;
import io.leadstream.tools.bench.SoakFeed;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import io.leadstream.tools.testing.TopicAudit;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `soak --pipeline` at a small scale: every event sent, chunk by chunk, comes out once (scored or
 * dead-lettered), follow-ups reuse their lead's text, the samples fall every {@code --every}
 * events, and the command prints the table and the growth line.
 */
class PipelineSoakIT {

  private static final long SEED = 5;

  @TempDir Path work;

  @Test
  void shouldScoreEveryEventOnceAndSampleAfterEachInterval() throws Exception {
    AvroTrust.trustSchemaPackage();
    // 3,000 events sampled every 1,000, in chunks of 400: each interval is 400 + 400 + 200
    List<Sample> samples;
    List<String> scoredEventIds;
    int deadLettered;
    try (EmbeddedPipeline pipeline =
        EmbeddedPipeline.start(
            bootstrap -> IntegrationConfigs.forRun(bootstrap, "soak", work, Map.of()), 2)) {
      samples = new PipelineSoak(pipeline).run(3_000, 1_000, 400, SEED, sample -> {});
      LeadStreamConfig config = pipeline.config();
      scoredEventIds =
          TopicAudit.leads(TopicAudit.readAll(config, config.prioritizedTopic(), true)).stream()
              .map(PrioritizedLead::getEventId)
              .toList();
      deadLettered = TopicAudit.readAll(config, config.deadLetterTopic(), true).size();
    }

    List<String> validEventIds = new ArrayList<>();
    Set<String> leadIds = new HashSet<>();
    int invalid = 0;
    int index = 0;
    for (int interval = 0; interval < 3; interval++) {
      for (int size : new int[] {400, 400, 200}) {
        for (LeadEvent event : SoakFeed.chunk(SEED, index, size)) {
          if (event.getEventId().contains("invalid-")) {
            invalid++;
          } else {
            validEventIds.add(event.getEventId());
            leadIds.add(event.getLeadId());
          }
        }
        index++;
      }
    }
    assertThat(scoredEventIds.size()).as("valid events scored").isEqualTo(validEventIds.size());
    assertThat(scoredEventIds).containsExactlyInAnyOrderElementsOf(validEventIds);
    assertThat(deadLettered).as("dead letters").isEqualTo(invalid).isPositive();
    assertThat(leadIds.size()).as("leads distinct across chunks").isGreaterThan(3_000 / 2);

    assertThat(samples).extracting(Sample::events).containsExactly(0L, 1_000L, 2_000L, 3_000L);
    Sample last = samples.get(samples.size() - 1);
    assertThat(last.deadLettered()).isEqualTo(invalid);
    assertThat(last.textReused()).as("follow-ups with the same text").isPositive();
    assertThat(last.rssMiB()).isPositive();
    assertThat(last.stateMiB()).isPositive();
    assertThat(samples.subList(1, samples.size()))
        .allSatisfy(s -> assertThat(s.eventsPerSecond()).isPositive());
  }

  @Test
  void shouldPrintTheTableAndTheGrowth() {
    StringWriter out = new StringWriter();
    // --verbose: quieting the console's logs would quiet them for the other ITs in this JVM
    int exit =
        IntegrationConfigs.execute(
            "soak", Map.of(), out, "--pipeline", "--events", "2000", "--every", "1000", "-v");

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains(PipelineSoak.HEADER)
        .containsPattern("(?m)^\\s+0 ")
        .containsPattern("(?m)^\\s+1,000 ")
        .containsPattern("(?m)^\\s+2,000 ")
        .containsPattern(
            "RSS growth from 1,000 events \\(\\d+ MiB\\) to 2,000 events \\(\\d+ MiB\\):"
                + " [+-]\\d+ MiB, [+-]\\d+\\.\\d % \\((under|NOT under) 5 %\\)");
  }
}
