package io.leadstream.app.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.leadstream.app.ops.PooledHandler;
import java.io.IOException;
import java.time.Duration;

/**
 * Serves lead queries off the server's connection threads, on two bounded lanes: queries from
 * clients, which may wait on the other instances, and {@code local=true} queries from those
 * instances, which read this instance's store and ask no one. Two instances asking each other at
 * once thus never wait for a worker the other holds, and liveness never waits for either. A full
 * lane answers 503 at once; a query still running after {@link #TIMEOUT} is cut off.
 */
public final class LeadQueryLanes implements HttpHandler, AutoCloseable {

  /** Queries each lane works on at once. */
  public static final int THREADS = 4;

  /** Queries each lane holds waiting beyond those. */
  public static final int QUEUE = 16;

  /**
   * How long a worker may take with one query: well beyond the peer timeout, so only a client that
   * does not read its answer meets it.
   */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final PooledHandler fromClients;
  private final PooledHandler fromPeers;

  /**
   * @param queries answers the queries (a {@link LeadQueryHandler})
   */
  public LeadQueryLanes(HttpHandler queries) {
    this.fromClients = new PooledHandler("leadstream-lead-query", THREADS, QUEUE, TIMEOUT, queries);
    this.fromPeers =
        new PooledHandler("leadstream-lead-query-local", THREADS, QUEUE, TIMEOUT, queries);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    (LeadQueryHandler.isLocal(exchange.getRequestURI()) ? fromPeers : fromClients).handle(exchange);
  }

  @Override
  public void close() {
    fromClients.close();
    fromPeers.close();
  }
}
