package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.testing.HubSpotExample;
import io.leadstream.examples.ProducerExamples;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.registry.RegistrySettings;
import io.leadstream.schema.registry.SchemaRegistryClient;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import io.leadstream.tools.testing.EmbeddedPipelines;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/**
 * The Java examples of docs/producing-leads.md, each against a pipeline in that format on its own
 * embedded broker with the default topic names: what they send is scored and read back.
 */
class ProducerExamplesIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @Test
  void shouldScoreTheSingleObjectExample() {
    try (EmbeddedPipeline pipeline = start(Map.of(), false)) {
      ProducerExamples.sendSingleObject(
          pipeline.bootstrapServers(), ProducerExamples.lead("java-single-object"));

      assertThat(read(pipeline, LeadStreamSerdes.prioritizedLead().deserializer()))
          .extracting(PrioritizedLead::getLeadId)
          .containsExactly("java-single-object");
    }
  }

  @Test
  void shouldScoreTheRegistryExample() {
    try (EmbeddedPipeline pipeline = start(Map.of(), true)) {
      String registryUrl = pipeline.registryUrl().orElseThrow();
      ProducerExamples.sendThroughRegistry(
          pipeline.bootstrapServers(), registryUrl, ProducerExamples.lead("java-registry"));

      SchemaRegistryClient registry = new SchemaRegistryClient(RegistrySettings.of(registryUrl));
      assertThat(read(pipeline, LeadStreamSerdes.prioritizedLead(registry).deserializer()))
          .extracting(PrioritizedLead::getLeadId)
          .containsExactly("java-registry");
    }
  }

  @Test
  void shouldScoreTheCrmJsonExample() throws Exception {
    try (EmbeddedPipeline pipeline = start(HubSpotExample.inputSettings(), false)) {
      HubSpotExample.Event event = HubSpotExample.events().get(0);
      ProducerExamples.sendCrmJson(
          pipeline.bootstrapServers(),
          event.key(),
          new String(event.value(), StandardCharsets.UTF_8));

      assertThat(read(pipeline, LeadStreamSerdes.prioritizedLead().deserializer()))
          .extracting(PrioritizedLead::getLeadId)
          .containsExactly(event.key());
    }
  }

  private static EmbeddedPipeline start(Map<String, Object> settings, boolean registry) {
    return EmbeddedPipelines.start(settings, 1, registry);
  }

  private static List<PrioritizedLead> read(
      EmbeddedPipeline pipeline, Deserializer<PrioritizedLead> values) {
    return ProducerExamples.readPrioritized(pipeline.bootstrapServers(), values, 1, TIMEOUT);
  }
}
