package io.leadstream.app.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's HTTP endpoints: {@code /metrics} (Prometheus text format), {@code /health/live}, {@code
 * /health/ready} and {@code /health/progress} (200 or 503 with a small JSON body), and whatever
 * further routes it is given (the lead queries, {@code /evaluation}). Binds to loopback unless
 * configured otherwise; serves GET only.
 *
 * <p>A bounded pool of connection threads reads the requests and answers health and metrics at once
 * (see {@link HttpLimits}); a request a connection thread has not finished with by the request
 * timeout (a client stalling mid-request, or not reading the answer) is cut off and its connection
 * closed. Further routes must not block a connection thread: they hand their work to a pool of
 * their own ({@link PooledHandler}), so that liveness never waits for them.
 */
public final class OpsServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

  private final HttpServer server;
  private final ThreadPoolExecutor connectionThreads;
  private final DeadlineExecutor deadline;
  private final List<HttpHandler> moreRoutes;

  private OpsServer(
      HttpServer server,
      ThreadPoolExecutor connectionThreads,
      DeadlineExecutor deadline,
      List<HttpHandler> moreRoutes) {
    this.server = server;
    this.connectionThreads = connectionThreads;
    this.deadline = deadline;
    this.moreRoutes = moreRoutes;
  }

  /** Starts the server with {@link HttpLimits#DEFAULT}. */
  public static OpsServer start(
      String host,
      int port,
      Supplier<String> scrape,
      Health health,
      Map<String, HttpHandler> moreRoutes) {
    return start(host, port, scrape, health, moreRoutes, HttpLimits.DEFAULT);
  }

  /**
   * @param port 0 for any free port
   * @param scrape renders the metrics in Prometheus text format; must not block
   * @param moreRoutes further handlers by path prefix (the lead queries), which must hand slow work
   *     to their own threads; those that are {@link AutoCloseable} are closed with the server
   */
  public static OpsServer start(
      String host,
      int port,
      Supplier<String> scrape,
      Health health,
      Map<String, HttpHandler> moreRoutes,
      HttpLimits limits) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot serve the ops endpoints on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    String name = "leadstream-ops-http-" + server.getAddress().getPort();
    ThreadPoolExecutor connectionThreads =
        new ThreadPoolExecutor(
            limits.connectionThreads(),
            limits.connectionThreads(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(limits.connectionQueue()),
            new NamedDaemonThreads(name));
    connectionThreads.allowCoreThreadTimeOut(true);
    DeadlineExecutor deadline =
        new DeadlineExecutor(name, connectionThreads, limits.requestTimeout());
    server.createContext(
        "/metrics",
        exchange ->
            respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", scrape.get()));
    server.createContext("/health/live", exchange -> respond(exchange, health.live()));
    server.createContext("/health/ready", exchange -> respond(exchange, health.ready()));
    server.createContext("/health/progress", exchange -> respond(exchange, health.progress()));
    moreRoutes.forEach(server::createContext);
    server.setExecutor(deadline);
    server.start();
    return new OpsServer(server, connectionThreads, deadline, List.copyOf(moreRoutes.values()));
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops serving at once, then closes the routes that are {@link AutoCloseable}. */
  @Override
  public void close() {
    server.stop(0);
    deadline.close();
    connectionThreads.shutdownNow();
    for (HttpHandler route : moreRoutes) {
      if (route instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          log.warn("Closing an HTTP route failed: {}", e.toString());
        }
      }
    }
  }

  private static void respond(HttpExchange exchange, Health.Status status) throws IOException {
    respond(exchange, status.up() ? 200 : 503, "application/json", status.toJson());
  }

  /** Answers a GET with {@code body}, anything else with 405. */
  static void respond(HttpExchange exchange, int code, String contentType, String body)
      throws IOException {
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
