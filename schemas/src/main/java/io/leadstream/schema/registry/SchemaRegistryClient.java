package io.leadstream.schema.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API, the part a serde needs: a schema by id,
 * registering a schema under a subject, and a subject's versions. Schemas by id and registered ids
 * are cached for the client's life (a registry never changes what an id means). Thread-safe: one
 * per application. Unreachable registries and 5xx answers are retried with backoff for {@link
 * RegistrySettings#retryFor()}.
 */
public final class SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistrySettings settings;
  private final HttpClient http;
  private final Optional<String> authorization;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

  public SchemaRegistryClient(RegistrySettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    this.authorization =
        settings
            .basicAuthUserInfo()
            .map(
                userInfo ->
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)))
            .or(() -> settings.bearerToken().map(token -> "Bearer " + token));
  }

  public RegistrySettings settings() {
    return settings;
  }

  /**
   * The schema the registry holds under {@code id}.
   *
   * @throws RegistryException with {@link RegistryException#SCHEMA_NOT_FOUND} for an unknown id
   * @throws RegistryUnavailableException when the registry cannot be reached
   */
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send(get("/schemas/ids/" + id));
    String type = answer.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw new RegistryException(
          "schema id " + id + " is a " + type + " schema, not Avro",
          200,
          RegistryException.INVALID_SCHEMA);
    }
    Schema schema = parse(answer.path("schema").asText(), "id " + id);
    schemasById.put(id, schema);
    return schema;
  }

  /**
   * Registers {@code schema} under {@code subject} (or finds it there) and returns its id.
   *
   * @throws RegistryException when the registry refuses it (409: incompatible with the subject's
   *     earlier versions; 401: credentials)
   */
  public int register(String subject, Schema schema) {
    Map<Schema, Integer> ids =
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = ids.get(schema);
    if (cached != null) {
      return cached;
    }
    String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
    int id =
        send(request("/subjects/" + encode(subject) + "/versions")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", CONTENT_TYPE))
            .path("id")
            .asInt();
    ids.put(schema, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  /**
   * Every version of {@code subject}, oldest first; empty when the registry has no such subject.
   */
  public List<Schema> versions(String subject) {
    String path = "/subjects/" + encode(subject) + "/versions";
    JsonNode versions;
    try {
      versions = send(get(path));
    } catch (RegistryException e) {
      if (e.errorCode() == RegistryException.SUBJECT_NOT_FOUND) {
        return List.of();
      }
      throw e;
    }
    List<Schema> schemas = new ArrayList<>();
    for (JsonNode version : versions) {
      JsonNode answer = send(get(path + "/" + version.asInt()));
      Schema schema = parse(answer.path("schema").asText(), subject + " version " + version);
      schemasById.putIfAbsent(answer.path("id").asInt(), schema);
      schemas.add(schema);
    }
    return List.copyOf(schemas);
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(settings.url() + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", CONTENT_TYPE + ", application/json");
    authorization.ifPresent(value -> request.header("Authorization", value));
    return request;
  }

  /** Sends, retrying connection failures and 5xx answers for {@code retryFor}. */
  private JsonNode send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    Instant giveUp = Instant.now().plus(settings.retryFor());
    long backoffMillis = 100;
    while (true) {
      String failure;
      Exception cause = null;
      int status = -1;
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        status = response.statusCode();
        if (status < 300) {
          return JSON.readTree(response.body());
        }
        if (status < 500) {
          throw refusal(request, status, response.body());
        }
        failure = "answered " + status;
      } catch (IOException e) {
        failure = "cannot be reached (" + e + ")";
        cause = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryUnavailableException(
            "interrupted while asking the schema registry at " + settings.url(), e);
      }
      if (Instant.now().plusMillis(backoffMillis).isAfter(giveUp)) {
        String message =
            "the schema registry at "
                + settings
                + " "
                + failure
                + " for "
                + request.method()
                + " "
                + request.uri().getPath()
                + ", retried for "
                + settings.retryFor().toSeconds()
                + " s";
        throw cause == null
            ? new RegistryUnavailableException(message, status, status)
            : new RegistryUnavailableException(message, cause);
      }
      sleep(backoffMillis);
      backoffMillis = Math.min(backoffMillis * 2, 2_000);
    }
  }

  private RegistryException refusal(HttpRequest request, int status, String body) {
    int errorCode = status;
    String message = body;
    try {
      JsonNode error = JSON.readTree(body);
      errorCode = error.path("error_code").asInt(status);
      message = error.path("message").asText(body);
    } catch (IOException e) {
      // not JSON: keep the body as the message
    }
    return new RegistryException(
        "the schema registry at "
            + settings
            + " refused "
            + request.method()
            + " "
            + request.uri().getPath()
            + ": "
            + status
            + " (error "
            + errorCode
            + ") "
            + message,
        status,
        errorCode);
  }

  private static Schema parse(String json, String what) {
    try {
      return new Schema.Parser().parse(json);
    } catch (RuntimeException e) {
      throw new RegistryException(
          "the schema registry's schema " + what + " is not an Avro schema: " + e.getMessage(),
          200,
          RegistryException.INVALID_SCHEMA);
    }
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnavailableException("interrupted while waiting for the registry", e);
    }
  }
}
