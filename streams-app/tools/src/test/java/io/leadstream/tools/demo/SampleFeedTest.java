package io.leadstream.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.io.LeadJsonWriter;
import io.leadstream.models.training.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled sample files are what `generate` writes with the seeds their docs name. */
class SampleFeedTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldReproduceTheBundledEnglishSamples() throws IOException {
    List<JsonNode> bundled = read("/samples/demo-leads.jsonl");

    assertThat(bundled).isEqualTo(generated(SampleFeed.generate(7, 220, 60, 8)));
  }

  @Test
  void shouldReproduceTheBundledChineseSamplesAfterTheHandWrittenOnes() throws IOException {
    List<JsonNode> bundled = read("/samples/demo-leads-zh.jsonl");
    List<JsonNode> handWritten =
        bundled.stream()
            .filter(n -> "hand-written".equals(n.path("sourceSystem").asText()))
            .toList();

    assertThat(bundled.subList(0, handWritten.size())).isEqualTo(handWritten);
    assertThat(handWritten)
        .extracting(n -> n.path("notes").asText())
        .contains("客户 ABC 公司有意向采购我们的 XYZ 产品,初步谈好了合作意向,需要进一步沟通具体的采购数量和交付时间。");
    assertThat(bundled.subList(handWritten.size(), bundled.size()))
        .isEqualTo(generated(SampleFeed.generate(8, 150, 40, 4, Language.ZH)));
  }

  private static List<JsonNode> generated(List<io.leadstream.schema.LeadEvent> events)
      throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (io.leadstream.schema.LeadEvent event : events) {
      nodes.add(JSON.readTree(LeadJsonWriter.toJsonLine(event)));
    }
    return nodes;
  }

  private static List<JsonNode> read(String resource) throws IOException {
    try (InputStream in = SampleFeedTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      List<JsonNode> nodes = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          nodes.add(JSON.readTree(line));
        }
      }
      return nodes;
    }
  }
}
