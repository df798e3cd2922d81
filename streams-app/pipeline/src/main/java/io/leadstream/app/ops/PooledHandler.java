package io.leadstream.app.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a handler on its own bounded pool instead of the server's connection threads, so that slow
 * work (a lead query waiting on other instances) never delays {@code /health} or {@code /metrics}.
 * The handler answers and closes the exchange on the pool's thread, within the timeout: past it,
 * the worker is interrupted and the connection closed. When every worker is busy and the queue is
 * full, the request is answered 503 at once with {@code Retry-After: 1}.
 */
public final class PooledHandler implements HttpHandler, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PooledHandler.class);
  private static final byte[] BUSY =
      "{\"error\":\"busy: too many requests at once, try again shortly\"}"
          .getBytes(StandardCharsets.UTF_8);

  private final HttpHandler handler;
  private final ThreadPoolExecutor workers;
  private final DeadlineExecutor pool;

  /**
   * @param name prefix of the pool's thread names
   * @param threads requests handled at once
   * @param queue requests waiting beyond those (0: none wait)
   * @param timeout how long the handler may take with one request, from when a worker takes it
   */
  public PooledHandler(String name, int threads, int queue, Duration timeout, HttpHandler handler) {
    this.handler = handler;
    BlockingQueue<Runnable> waiting =
        queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
    this.workers =
        new ThreadPoolExecutor(
            threads, threads, 30, TimeUnit.SECONDS, waiting, new NamedDaemonThreads(name));
    workers.allowCoreThreadTimeOut(true);
    this.pool = new DeadlineExecutor(name, workers, timeout);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      pool.execute(() -> run(exchange));
    } catch (RejectedExecutionException e) {
      try (exchange) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Retry-After", "1");
        exchange.sendResponseHeaders(503, BUSY.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(BUSY);
        }
      }
    }
  }

  private void run(HttpExchange exchange) {
    try (exchange) {
      handler.handle(exchange);
    } catch (IOException e) {
      log.debug("Answering {} failed: {}", exchange.getRequestURI().getRawPath(), e.toString());
    } catch (RuntimeException e) {
      log.error("Handling {} failed", exchange.getRequestURI().getRawPath(), e);
    }
  }

  /** Stops the workers; requests still waiting are dropped with their connections. */
  @Override
  public void close() {
    pool.close();
    workers.shutdownNow();
  }
}
