package io.leadstream.tools.embedded.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP side of the embedded schema registry: answers the calls of the Confluent Schema Registry
 * REST API that serializers and registry clients make, from a {@link SchemaStore}; checks an {@code
 * Authorization} header when given one; counts the requests by method and path.
 *
 * <p>The subset: {@code GET /subjects}, {@code POST /subjects/{subject}} (look a schema up), {@code
 * GET|POST /subjects/{subject}/versions}, {@code GET /subjects/{subject}/versions/{version}},
 * {@code GET /schemas/ids/{id}}, {@code POST
 * /compatibility/subjects/{subject}/versions/{version}[?verbose=true]}, {@code GET|PUT /config} and
 * {@code GET|PUT /config/{subject}[?defaultToGlobal=true]}. Avro only, no schema references, no
 * deletes.
 */
public final class RegistryHandler implements HttpHandler {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  /** The request bodies Confluent's registry accepts; no Content-Type at all counts as the last. */
  private static final Set<String> BODY_TYPES =
      Set.of(
          CONTENT_TYPE,
          "application/vnd.schemaregistry+json",
          "application/json",
          "application/octet-stream");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaStore store = new SchemaStore();
  private final String authorization;
  private final Map<String, Integer> requests = new ConcurrentHashMap<>();

  /**
   * @param authorization the {@code Authorization} header every request must carry, such as {@code
   *     Basic dXNlcjpwYXNz} or {@code Bearer t0ken}; null to let every request in
   */
  public RegistryHandler(String authorization) {
    this.authorization = authorization;
  }

  /** How many requests came, by method and decoded path, such as {@code GET /schemas/ids/1}. */
  public Map<String, Integer> requestCounts() {
    return new TreeMap<>(requests);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Call call = new Call(exchange);
      requests.merge(call.method + " /" + String.join("/", call.path), 1, Integer::sum);
      int status = 200;
      Object body;
      try {
        checkAuthorization(exchange);
        body = route(call);
      } catch (RegistryError e) {
        status = e.status();
        body = error(e.errorCode(), e.getMessage());
      } catch (RuntimeException e) {
        status = 500;
        body = error(500, "Internal error of the embedded registry: " + e);
      }
      byte[] bytes = JSON.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private Object route(Call call) {
    List<String> path = call.path;
    if (call.matches("subjects")) {
      if (call.is("GET")) {
        return store.subjects();
      }
    } else if (call.matches("subjects", "*")) {
      if (call.is("POST")) {
        return version(store.lookUp(path.get(1), call.schema()));
      }
    } else if (call.matches("subjects", "*", "versions")) {
      if (call.is("GET")) {
        return store.versions(path.get(1));
      }
      if (call.is("POST")) {
        return Map.of("id", store.register(path.get(1), call.schema()));
      }
    } else if (call.matches("subjects", "*", "versions", "*")) {
      if (call.is("GET")) {
        return version(store.version(path.get(1), path.get(3)));
      }
    } else if (call.matches("schemas", "ids", "*")) {
      if (call.is("GET")) {
        return Map.of("schema", store.schema(schemaId(path.get(2))));
      }
    } else if (call.matches("compatibility", "subjects", "*", "versions", "*")) {
      if (call.is("POST")) {
        List<String> problems = store.checkCompatibility(path.get(2), path.get(4), call.schema());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("is_compatible", problems.isEmpty());
        if (call.flag("verbose")) {
          result.put("messages", problems);
        }
        return result;
      }
    } else if (call.matches("config")) {
      if (call.is("GET")) {
        return Map.of("compatibilityLevel", store.globalCompatibility());
      }
      if (call.is("PUT")) {
        Compatibility level = call.compatibility();
        store.setGlobalCompatibility(level);
        return Map.of("compatibility", level);
      }
    } else if (call.matches("config", "*")) {
      String subject = path.get(1);
      if (call.is("GET")) {
        Optional<Compatibility> level = store.subjectCompatibility(subject);
        if (level.isEmpty() && call.flag("defaultToGlobal")) {
          level = Optional.of(store.globalCompatibility());
        }
        return Map.of(
            "compatibilityLevel",
            level.orElseThrow(() -> RegistryError.subjectCompatibilityNotConfigured(subject)));
      }
      if (call.is("PUT")) {
        Compatibility level = call.compatibility();
        store.setSubjectCompatibility(subject, level);
        return Map.of("compatibility", level);
      }
    } else {
      throw RegistryError.notFound();
    }
    throw RegistryError.methodNotAllowed();
  }

  private void checkAuthorization(HttpExchange exchange) {
    if (authorization == null) {
      return;
    }
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    if (given == null
        || !MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8),
            authorization.getBytes(StandardCharsets.UTF_8))) {
      String scheme = authorization.substring(0, authorization.indexOf(' '));
      exchange
          .getResponseHeaders()
          .set("WWW-Authenticate", scheme + " realm=\"embedded-schema-registry\"");
      throw RegistryError.unauthorized();
    }
  }

  private static Map<String, Object> version(SchemaStore.Version version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", version.subject());
    body.put("version", version.version());
    body.put("id", version.id());
    body.put("schema", version.schema());
    return body;
  }

  private static int schemaId(String segment) {
    try {
      return Integer.parseInt(segment);
    } catch (NumberFormatException e) {
      throw RegistryError.notFound();
    }
  }

  private static Map<String, Object> error(int code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", code);
    body.put("message", message);
    return body;
  }

  /** One request: its method, decoded path segments, query parameters and JSON body. */
  private static final class Call {

    private final HttpExchange exchange;
    private final String method;
    private final List<String> path = new ArrayList<>();
    private final Map<String, String> query = new HashMap<>();

    Call(HttpExchange exchange) {
      this.exchange = exchange;
      this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      for (String segment : exchange.getRequestURI().getRawPath().split("/")) {
        if (!segment.isEmpty()) {
          path.add(decode(segment));
        }
      }
      String rawQuery = exchange.getRequestURI().getRawQuery();
      if (rawQuery != null) {
        for (String parameter : rawQuery.split("&")) {
          int equals = parameter.indexOf('=');
          query.put(
              decode(equals < 0 ? parameter : parameter.substring(0, equals)),
              equals < 0 ? "" : decode(parameter.substring(equals + 1)));
        }
      }
    }

    /** Whether the path has this shape; {@code *} stands for any one segment. */
    boolean matches(String... pattern) {
      if (pattern.length != path.size()) {
        return false;
      }
      for (int i = 0; i < pattern.length; i++) {
        if (!pattern[i].equals("*") && !pattern[i].equals(path.get(i))) {
          return false;
        }
      }
      return true;
    }

    boolean is(String expected) {
      return method.equals(expected);
    }

    boolean flag(String name) {
      return Boolean.parseBoolean(query.get(name));
    }

    /** The body's {@code schema}, an Avro schema as a JSON string. */
    String schema() {
      JsonNode body = body();
      String type = body.path("schemaType").asText("AVRO");
      if (!type.equalsIgnoreCase("AVRO")) {
        throw RegistryError.invalidSchema(
            "Unsupported schema type " + type + ": this embedded registry knows AVRO only");
      }
      if (!body.path("references").isEmpty()) {
        throw RegistryError.invalidSchema(
            "Schema references are not supported by this embedded registry");
      }
      JsonNode schema = body.path("schema");
      if (!schema.isMissingNode() && !schema.isNull() && !schema.isTextual()) {
        throw RegistryError.invalidSchema("The schema must be a JSON string");
      }
      return schema.asText("");
    }

    /** The body's {@code compatibility} level. */
    Compatibility compatibility() {
      return Compatibility.of(body().path("compatibility").asText(""));
    }

    private JsonNode body() {
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      if (contentType != null
          && !BODY_TYPES.contains(contentType.split(";")[0].trim().toLowerCase(Locale.ROOT))) {
        throw RegistryError.unsupportedMediaType();
      }
      JsonNode body;
      try {
        body = JSON.readTree(exchange.getRequestBody());
      } catch (JsonProcessingException e) {
        throw RegistryError.badRequest("The body is not JSON: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw RegistryError.badRequest("The body could not be read: " + e.getMessage());
      }
      if (body == null || !body.isObject()) {
        throw RegistryError.badRequest("The body must be a JSON object");
      }
      return body;
    }

    private static String decode(String text) {
      try {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return text; // a stray '%': taken as it is
      }
    }
  }
}
