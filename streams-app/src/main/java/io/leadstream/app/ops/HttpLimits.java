package io.leadstream.app.ops;

import java.time.Duration;

/**
 * Bounds of the ops server's connection handling. Connection threads read requests and answer
 * {@code /health} and {@code /metrics} themselves; slower routes hand their work on (see
 * {@link PooledHandler}).
 *
 * @param connectionThreads threads reading requests at once
 * @param connectionQueue requests waiting for one of them; a connection beyond is closed at once
 * @param readTimeout a connection that has not sent its whole request line and headers by then is
 *     closed, freeing its thread
 */
public record HttpLimits(int connectionThreads, int connectionQueue, Duration readTimeout) {

  /** Eight connection threads, 32 waiting, 5 s to send a request. */
  public static final HttpLimits DEFAULT = new HttpLimits(8, 32, Duration.ofSeconds(5));

  public HttpLimits {
    if (connectionThreads < 1 || connectionQueue < 1 || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("HTTP limits need at least one thread, a queue and a positive read timeout: "
          + connectionThreads + ", " + connectionQueue + ", " + readTimeout);
    }
  }
}
