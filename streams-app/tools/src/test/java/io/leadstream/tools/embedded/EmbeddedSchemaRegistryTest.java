package io.leadstream.tools.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.schema.LeadEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded registry driven over HTTP, as a Confluent registry client would. */
class EmbeddedSchemaRegistryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUBJECT = "leads.raw-value";
  private static final String LEAD_EVENT = LeadEvent.getClassSchema().toString();

  /** LeadEvent with one more optional field: BACKWARD and FORWARD compatible. */
  private static final String EVOLVED =
      withField(
          LEAD_EVENT,
          "{\"name\": \"crmRegion\", \"type\": [\"null\", \"string\"], \"default\": null}");

  /** LeadEvent with a required field more: new readers cannot read old events. */
  private static final String REQUIRED_FIELD_ADDED =
      withField(LEAD_EVENT, "{\"name\": \"crmRegion\", \"type\": \"string\"}");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private EmbeddedSchemaRegistry registry;

  @BeforeEach
  void startRegistry() {
    registry = EmbeddedSchemaRegistry.start();
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void registersASchemaAndServesItById() throws Exception {
    Reply registered = post("/subjects/" + SUBJECT + "/versions", schemaBody(LEAD_EVENT));

    assertThat(registered.status()).isEqualTo(200);
    assertThat(registered.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    int id = registered.json().get("id").asInt();
    assertThat(id).isPositive();
    Reply byId = get("/schemas/ids/" + id);
    assertThat(byId.status()).isEqualTo(200);
    assertThat(byId.json().has("schemaType")).as("omitted for AVRO, as Confluent does").isFalse();
    assertThat(new Schema.Parser().parse(byId.json().get("schema").asText()))
        .isEqualTo(LeadEvent.getClassSchema());
    assertThat(registry.url()).matches("http://127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void theSameSchemaKeepsItsIdInAnyFormattingAndUnderAnySubject() throws Exception {
    int id = register(SUBJECT, LEAD_EVENT);

    String prettyPrinted =
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(LEAD_EVENT));
    assertThat(register(SUBJECT, prettyPrinted)).isEqualTo(id);
    assertThat(register("leads.archive-value", LEAD_EVENT)).isEqualTo(id);
    assertThat(register(SUBJECT, EVOLVED)).isNotEqualTo(id);

    assertThat(get("/subjects/" + SUBJECT + "/versions").json()).isEqualTo(JSON.readTree("[1, 2]"));
    assertThat(get("/subjects/leads.archive-value/versions").json())
        .isEqualTo(JSON.readTree("[1]"));
    assertThat(get("/subjects").json())
        .isEqualTo(JSON.readTree("[\"leads.archive-value\", \"leads.raw-value\"]"));
  }

  @Test
  void servesVersionsTheLatestAndLooksSchemasUpUnderASubject() throws Exception {
    int first = register(SUBJECT, LEAD_EVENT);
    int second = register(SUBJECT, EVOLVED);

    JsonNode one = get("/subjects/" + SUBJECT + "/versions/1").json();
    assertThat(one.get("subject").asText()).isEqualTo(SUBJECT);
    assertThat(one.get("version").asInt()).isEqualTo(1);
    assertThat(one.get("id").asInt()).isEqualTo(first);
    assertThat(new Schema.Parser().parse(one.get("schema").asText()))
        .isEqualTo(LeadEvent.getClassSchema());
    JsonNode latest = get("/subjects/" + SUBJECT + "/versions/latest").json();
    assertThat(latest.get("version").asInt()).isEqualTo(2);
    assertThat(latest.get("id").asInt()).isEqualTo(second);

    Reply found = post("/subjects/" + SUBJECT, schemaBody(LEAD_EVENT));
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().get("version").asInt()).isEqualTo(1);
    assertThat(found.json().get("id").asInt()).isEqualTo(first);
    Reply unknown = post("/subjects/" + SUBJECT, schemaBody(REQUIRED_FIELD_ADDED));
    assertError(unknown, 404, 40403);
  }

  @Test
  void checksCompatibilityAgainstAVersion() throws Exception {
    register(SUBJECT, LEAD_EVENT);
    String check = "/compatibility/subjects/" + SUBJECT + "/versions/latest";

    assertThat(post(check, schemaBody(EVOLVED)).json())
        .isEqualTo(JSON.readTree("{\"is_compatible\": true}"));
    assertThat(post(check, schemaBody(REQUIRED_FIELD_ADDED)).json())
        .isEqualTo(JSON.readTree("{\"is_compatible\": false}"));
    JsonNode verbose = post(check + "?verbose=true", schemaBody(REQUIRED_FIELD_ADDED)).json();
    assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
    assertThat(verbose.get("messages").toString())
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "crmRegion");
    assertThat(
            post("/compatibility/subjects/" + SUBJECT + "/versions/1", schemaBody(EVOLVED))
                .json()
                .get("is_compatible")
                .asBoolean())
        .isTrue();
  }

  @Test
  void refusesAnIncompatibleSchemaWith409() throws Exception {
    register(SUBJECT, LEAD_EVENT);

    Reply refused = post("/subjects/" + SUBJECT + "/versions", schemaBody(REQUIRED_FIELD_ADDED));

    assertError(refused, 409, 409);
    assertThat(refused.json().get("message").asText())
        .contains("incompatible", SUBJECT, "BACKWARD", "crmRegion");
    assertThat(get("/subjects/" + SUBJECT + "/versions").json()).isEqualTo(JSON.readTree("[1]"));
  }

  @Test
  void enforcesEachCompatibilityLevel() throws Exception {
    String v1 = record("{\"name\": \"a\", \"type\": \"int\"}");
    String withRequiredB =
        record("{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"b\", \"type\": \"int\"}");
    String withOptionalB =
        record(
            "{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"b\", \"type\": \"int\", \"default\": 0}");
    register("forward", v1);
    register("full", v1);
    register("none", v1);
    register("transitive", v1);
    register("transitive", withOptionalB);
    setCompatibility("forward", "FORWARD");
    setCompatibility("full", "FULL");
    setCompatibility("none", "NONE");
    setCompatibility("transitive", "BACKWARD_TRANSITIVE");

    // old readers skip a new field: FORWARD; new readers lack its value in old data: not BACKWARD
    assertThat(tryRegister("forward", withRequiredB)).isEqualTo(200);
    assertThat(tryRegister("full", withRequiredB)).isEqualTo(409);
    assertThat(tryRegister("full", withOptionalB)).isEqualTo(200);
    assertThat(tryRegister("none", "{\"type\": \"string\"}")).isEqualTo(200);
    // readable from version 2 (which has b) but not from version 1
    assertThat(tryRegister("transitive", withRequiredB)).isEqualTo(409);
    setCompatibility("transitive", "BACKWARD");
    assertThat(tryRegister("transitive", withRequiredB)).isEqualTo(200);
  }

  @Test
  void readsAndSetsCompatibilityLevels() throws Exception {
    assertThat(get("/config").json())
        .isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"BACKWARD\"}"));
    assertError(get("/config/" + SUBJECT), 404, 40408);
    assertThat(get("/config/" + SUBJECT + "?defaultToGlobal=true").json())
        .isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"BACKWARD\"}"));

    Reply set = put("/config/" + SUBJECT, "{\"compatibility\": \"full\"}");
    assertThat(set.json()).isEqualTo(JSON.readTree("{\"compatibility\": \"FULL\"}"));
    assertThat(get("/config/" + SUBJECT).json())
        .isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"FULL\"}"));
    assertThat(put("/config", "{\"compatibility\": \"NONE\"}").json())
        .isEqualTo(JSON.readTree("{\"compatibility\": \"NONE\"}"));
    assertThat(get("/config").json())
        .isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"NONE\"}"));
    assertError(put("/config", "{\"compatibility\": \"SIDEWAYS\"}"), 422, 42203);
  }

  @Test
  void answersUnknownThingsWithConfluentsErrorCodes() throws Exception {
    register(SUBJECT, LEAD_EVENT);

    assertError(get("/schemas/ids/999"), 404, 40403);
    assertError(get("/subjects/leads.unknown-value/versions"), 404, 40401);
    assertError(get("/subjects/leads.unknown-value/versions/latest"), 404, 40401);
    assertError(get("/subjects/" + SUBJECT + "/versions/7"), 404, 40402);
    assertError(get("/subjects/" + SUBJECT + "/versions/first"), 422, 42202);
    assertError(post("/subjects/leads.unknown-value", schemaBody(LEAD_EVENT)), 404, 40401);
    assertError(get("/no/such/path"), 404, 404);
    assertError(send(request("/subjects").DELETE()), 405, 405);
    assertError(
        post("/subjects/" + SUBJECT + "/versions", schemaBody("{\"type\": \"recrod\"}")),
        422,
        42201);
    assertError(post("/subjects/" + SUBJECT + "/versions", "{\"schema\": \"\"}"), 422, 42201);
    assertError(post("/subjects/" + SUBJECT + "/versions", "not json"), 400, 400);
    Reply textPlain =
        send(
            request("/subjects/" + SUBJECT + "/versions")
                .setHeader("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString(schemaBody(LEAD_EVENT))));
    assertError(textPlain, 415, 415);
  }

  @Test
  void decodesPercentEncodedSubjects() throws Exception {
    int id = register("team/leads raw", LEAD_EVENT);

    JsonNode latest = get("/subjects/team%2Fleads%20raw/versions/latest").json();

    assertThat(latest.get("subject").asText()).isEqualTo("team/leads raw");
    assertThat(latest.get("id").asInt()).isEqualTo(id);
  }

  @Test
  void countsRequestsByMethodAndPath() throws Exception {
    int id = register(SUBJECT, LEAD_EVENT);
    get("/schemas/ids/" + id);
    get("/schemas/ids/" + id);

    assertThat(registry.requestCount("GET /schemas/ids/" + id)).isEqualTo(2);
    assertThat(registry.requestCount("POST /subjects/" + SUBJECT + "/versions")).isEqualTo(1);
    assertThat(registry.requestCount("GET /subjects")).isZero();
    assertThat(registry.requestCounts()).hasSize(2);
  }

  @Test
  void requiresBasicCredentialsWhenAskedTo() throws Exception {
    registry.close();
    registry = EmbeddedSchemaRegistry.builder().basicAuth("leads", "s3cret").start();

    Reply missing = get("/subjects");
    assertError(missing, 401, 401);
    assertThat(missing.response().headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic "));
    assertError(
        send(request("/subjects").header("Authorization", basic("leads", "wrong"))), 401, 401);
    Reply allowed = send(request("/subjects").header("Authorization", basic("leads", "s3cret")));
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.json()).isEqualTo(JSON.readTree("[]"));
  }

  @Test
  void requiresABearerTokenWhenAskedTo() throws Exception {
    registry.close();
    registry = EmbeddedSchemaRegistry.builder().bearerToken("t0ken").start();

    assertError(get("/subjects"), 401, 401);
    assertError(send(request("/subjects").header("Authorization", "Bearer other")), 401, 401);
    assertThat(send(request("/subjects").header("Authorization", "Bearer t0ken")).status())
        .isEqualTo(200);
  }

  private int register(String subject, String schema) throws IOException, InterruptedException {
    Reply reply = post("/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().get("id").asInt();
  }

  private int tryRegister(String subject, String schema) throws IOException, InterruptedException {
    return post("/subjects/" + subject + "/versions", schemaBody(schema)).status();
  }

  private void setCompatibility(String subject, String level)
      throws IOException, InterruptedException {
    assertThat(put("/config/" + subject, "{\"compatibility\": \"" + level + "\"}").status())
        .isEqualTo(200);
  }

  private static void assertError(Reply reply, int status, int errorCode) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("error_code").asInt()).as(reply.body()).isEqualTo(errorCode);
    assertThat(reply.json().get("message").asText()).isNotBlank();
  }

  private Reply get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  private Reply post(String path, String body) throws IOException, InterruptedException {
    return send(request(path).POST(BodyPublishers.ofString(body)));
  }

  private Reply put(String path, String body) throws IOException, InterruptedException {
    return send(request(path).PUT(BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(registry.url() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json");
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return new Reply(http.send(request.build(), BodyHandlers.ofString()));
  }

  private static String schemaBody(String schema) throws IOException {
    return JSON.writeValueAsString(Map.of("schema", schema));
  }

  private static String record(String fields) {
    return "{\"type\": \"record\", \"name\": \"R\", \"fields\": [" + fields + "]}";
  }

  private static String withField(String recordSchema, String field) {
    int end = recordSchema.lastIndexOf("]");
    return recordSchema.substring(0, end) + ", " + field + recordSchema.substring(end);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String subject) {
    return subject.replace("/", "%2F").replace(" ", "%20");
  }

  private record Reply(HttpResponse<String> response) {

    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String contentType() {
      return response.headers().firstValue("Content-Type").orElse("");
    }

    JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + response.body(), e);
      }
    }
  }
}
