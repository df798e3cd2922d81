package io.leadstream.tools.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.schema.AvroTrust;
import io.leadstream.schema.LeadEvent;
import io.leadstream.tools.testing.NodeScripts;
import io.leadstream.tools.testing.NodeScripts.Result;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Node.js registry client {@code @kafkajs/confluent-schema-registry} (clients/node) against the
 * embedded registry: the foreign client registers, encodes and decodes through it, and the bytes it
 * writes are what the pipeline's LeadEvent reads.
 */
class NodeRegistryClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String SUBJECT = "leads.raw-value";

  @TempDir static Path folder;
  private static Path schemaFile;

  @BeforeAll
  static void writeSchema() throws Exception {
    NodeScripts.requireInstalled();
    AvroTrust.trustSchemaPackage();
    schemaFile =
        Files.writeString(folder.resolve("LeadEvent.avsc"), LeadEvent.getClassSchema().toString());
  }

  @Test
  void theNodeClientRegistersEncodesAndDecodesThroughTheEmbeddedRegistry() throws Exception {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      Result result = selfTest(registry.url());

      assertThat(result.exitCode()).as(result.toString()).isZero();
      JsonNode report = JSON.readTree(result.lastLine());
      int id = report.get("id").asInt();
      assertThat(report.get("subject").asText()).isEqualTo(SUBJECT);
      assertThat(report.get("sameIdAgain").asBoolean()).isTrue();
      assertThat(report.at("/wire/magicByte").asInt()).isZero();
      assertThat(report.at("/wire/schemaId").asInt()).isEqualTo(id);
      assertThat(report.get("decoded").get("leadId")).isEqualTo(report.at("/sent/leadId"));
      assertThat(report.get("decoded").get("eventId")).isEqualTo(report.at("/sent/eventId"));
      assertThat(report.at("/decoded/crmRegion").asText()).isEqualTo("emea");
      assertThat(report.at("/decoded/company/name").asText()).isNotBlank();
      assertThat(report.at("/incompatible/status").asInt()).isEqualTo(409);
      assertThat(report.at("/incompatible/message").asText()).contains("incompatible", "mustHave");
      // register: GET its config (404 the first time), POST the schema, PUT BACKWARD the first
      // time; three registrations; one decode by a fresh client fetches the writer schema once
      assertThat(registry.requestCounts())
          .containsOnly(
              entry("GET /config/" + SUBJECT, 3),
              entry("POST /subjects/" + SUBJECT + "/versions", 3),
              entry("PUT /config/" + SUBJECT, 1),
              entry("GET /schemas/ids/" + id, 1));

      LeadEvent read = readAsThePipeline(registry, report.at("/wire/base64").asText());
      assertThat(read.getLeadId()).isEqualTo(report.at("/sent/leadId").asText());
      assertThat(read.getNotes()).isEqualTo(report.at("/sent/notes").asText());
    }
  }

  @Test
  void theNodeClientSendsBasicCredentials() throws Exception {
    try (EmbeddedSchemaRegistry registry =
        EmbeddedSchemaRegistry.builder().basicAuth("leads", "s3cret").start()) {
      Result withCredentials = selfTest(registry.url(), "--user", "leads", "--password", "s3cret");
      Result without = selfTest(registry.url());

      assertThat(withCredentials.exitCode()).as(withCredentials.toString()).isZero();
      assertThat(without.exitCode()).as(without.toString()).isEqualTo(1);
      assertThat(without.stderr()).contains("Unauthorized");
    }
  }

  private static Result selfTest(String registryUrl, String... extra) throws Exception {
    String[] arguments = {"--registry", registryUrl, "--schema", schemaFile.toString()};
    String[] all = Arrays.copyOf(arguments, arguments.length + extra.length);
    System.arraycopy(extra, 0, all, arguments.length, extra.length);
    return NodeScripts.run(TIMEOUT, "registry-selftest.mjs", all);
  }

  /**
   * Decodes a wire-format record as the pipeline would: writer schema by id, LeadEvent as reader.
   */
  private static LeadEvent readAsThePipeline(EmbeddedSchemaRegistry registry, String base64)
      throws Exception {
    ByteBuffer wire = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
    assertThat(wire.get()).isZero();
    int id = wire.getInt();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(registry.url() + "/schemas/ids/" + id)).build(),
                BodyHandlers.ofString());
    Schema writer =
        new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText());
    SpecificDatumReader<LeadEvent> reader =
        new SpecificDatumReader<>(writer, LeadEvent.getClassSchema());
    return reader.read(
        null,
        DecoderFactory.get().binaryDecoder(wire.array(), wire.position(), wire.remaining(), null));
  }
}
