package io.leadstream.tools.embedded;

import com.sun.net.httpserver.HttpServer;
import io.leadstream.tools.embedded.registry.RegistryHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A small in-memory schema registry on the loopback interface, for tests and {@code demo
 * --registry}. It implements the subset of the Confluent Schema Registry REST API that serializers
 * and registry clients call (listed in {@link RegistryHandler}), for Avro schemas: it is not the
 * Confluent Schema Registry nor a production registry, keeps nothing on disk and forgets everything
 * on {@link #close()}.
 *
 * <p>Ids are global, one per distinct schema; new versions are checked against the subject's
 * compatibility level (BACKWARD unless set). Optionally every request must carry HTTP Basic
 * credentials or a Bearer token, to test a client's authentication settings.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

  private final HttpServer server;
  private final RegistryHandler handler;

  private EmbeddedSchemaRegistry(HttpServer server, RegistryHandler handler) {
    this.server = server;
    this.handler = handler;
  }

  /** Starts an open registry on a free loopback port. */
  public static EmbeddedSchemaRegistry start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The base URL clients use, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * How many requests came, by method and decoded path, such as {@code GET /schemas/ids/1}, so that
   * a test can show a client caching what it fetched.
   */
  public Map<String, Integer> requestCounts() {
    return handler.requestCounts();
  }

  /**
   * How many requests came for {@code request}, a method and path such as {@code GET /subjects}.
   */
  public int requestCount(String request) {
    return handler.requestCounts().getOrDefault(request, 0);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** The port and credentials of a registry to start. */
  public static final class Builder {

    private int port;
    private String authorization;

    private Builder() {}

    /** The port to listen on; 0 (the default) takes a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Requires HTTP Basic authentication with these credentials on every request. */
    public Builder basicAuth(String user, String password) {
      String credentials = user + ":" + password;
      authorization =
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /** Requires {@code Authorization: Bearer <token>} on every request. */
    public Builder bearerToken(String token) {
      authorization = "Bearer " + token;
      return this;
    }

    public EmbeddedSchemaRegistry start() {
      RegistryHandler handler = new RegistryHandler(authorization);
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", handler);
        server.start();
        return new EmbeddedSchemaRegistry(server, handler);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded schema registry", e);
      }
    }
  }
}
