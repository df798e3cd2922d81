package io.leadstream.app.ops;

import java.time.Duration;

/**
 * Bounds of the ops server's connection handling. Connection threads read requests and answer
 * {@code /health} and {@code /metrics} themselves; slower routes hand their work on (see {@link
 * PooledHandler}).
 *
 * @param connectionThreads threads reading requests at once
 * @param connectionQueue requests waiting for one of them; a connection beyond is closed at once
 * @param requestTimeout how long a connection thread may spend on one request: reading it, and
 *     answering it or handing it on; then the connection is closed and the thread freed
 */
public record HttpLimits(int connectionThreads, int connectionQueue, Duration requestTimeout) {

  /** Eight connection threads, 32 connections waiting, 5 s per request. */
  public static final HttpLimits DEFAULT = new HttpLimits(8, 32, Duration.ofSeconds(5));

  public HttpLimits {
    if (connectionThreads < 1
        || connectionQueue < 1
        || requestTimeout.isNegative()
        || requestTimeout.isZero()) {
      throw new IllegalArgumentException(
          "HTTP limits need at least one thread, a queue and a positive request timeout: "
              + connectionThreads
              + ", "
              + connectionQueue
              + ", "
              + requestTimeout);
    }
  }
}
