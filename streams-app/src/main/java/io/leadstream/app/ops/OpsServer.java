package io.leadstream.app.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The app's HTTP endpoints: {@code /metrics} (Prometheus text format), {@code /health/live},
 * {@code /health/ready} and {@code /health/progress} (200 or 503 with a small JSON body), and whatever further routes it is
 * given (the lead queries). Binds to loopback unless configured otherwise; serves GET only.
 */
public final class OpsServer implements AutoCloseable {

  private final HttpServer server;

  private OpsServer(HttpServer server) {
    this.server = server;
  }

  /**
   * @param port 0 for any free port
   * @param scrape renders the metrics in Prometheus text format
   * @param moreRoutes further handlers by path prefix (the lead queries)
   */
  public static OpsServer start(String host, int port, Supplier<String> scrape, Health health,
      Map<String, HttpHandler> moreRoutes) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
      server.createContext("/metrics", exchange ->
          respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", scrape.get()));
      server.createContext("/health/live", exchange -> respond(exchange, health.live()));
      server.createContext("/health/ready", exchange -> respond(exchange, health.ready()));
      server.createContext("/health/progress", exchange -> respond(exchange, health.progress()));
      moreRoutes.forEach(server::createContext);
      server.setExecutor(Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "leadstream-ops-http");
        thread.setDaemon(true);
        return thread;
      }));
      server.start();
      return new OpsServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serve the ops endpoints on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void respond(HttpExchange exchange, Health.Status status) throws IOException {
    respond(exchange, status.up() ? 200 : 503, "application/json", status.toJson());
  }

  private static void respond(HttpExchange exchange, int code, String contentType, String body) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(code, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
