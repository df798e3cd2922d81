package io.leadstream.app.ops;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request line and headers have not all arrived within a deadline, so
 * that a client sending half a request cannot hold a connection thread for long.
 *
 * <p>The JDK server hands each connection with data to its executor; the task reads the request
 * from a blocking channel, then runs the context's filters and handler. The JDK has no read
 * timeout of its own per server ({@code sun.net.httpserver.maxReqTime} is JVM-wide, read once when
 * the first server is made, and off by default). As the server's executor, this class times each
 * task until it reaches {@link #filter()} and interrupts the task's thread if it is still reading
 * then: interrupting a thread blocked on an interruptible channel closes the channel, and the
 * server drops the connection. Every context must carry {@link #filter()}, or its handler would
 * be interrupted at the deadline too.
 */
final class RequestReadDeadline implements Executor, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RequestReadDeadline.class);

  private final Executor workers;
  private final Duration timeout;
  private final ScheduledExecutorService alarms =
      Executors.newSingleThreadScheduledExecutor(new NamedDaemonThreads("leadstream-ops-http-deadline"));
  private final ThreadLocal<Reading> current = new ThreadLocal<>();

  RequestReadDeadline(Executor workers, Duration timeout) {
    this.workers = workers;
    this.timeout = timeout;
  }

  /** Runs one exchange task of the server on the workers, under the deadline. */
  @Override
  public void execute(Runnable exchange) {
    workers.execute(() -> {
      Reading reading = new Reading(Thread.currentThread());
      ScheduledFuture<?> alarm = alarms.schedule(reading::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
      current.set(reading);
      try {
        exchange.run();
      } finally {
        reading.finish();
        alarm.cancel(false);
        current.remove();
        // An interrupt that came after the request was read but was not consumed must not reach the next task.
        Thread.interrupted();
      }
    });
  }

  /** The filter that marks a request as read; on every context, first. */
  Filter filter() {
    return new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Reading reading = current.get();
        if (reading != null && !reading.read()) {
          throw new IOException("request not read within " + timeout); // the server closes the connection
        }
        chain.doFilter(exchange);
      }

      @Override
      public String description() {
        return "closes connections that do not send their request within " + timeout;
      }
    };
  }

  @Override
  public void close() {
    alarms.shutdownNow();
  }

  /** One task's progress: it is interrupted only while still reading its request. */
  private final class Reading {
    private final Thread thread;
    private boolean reading = true;
    private boolean expired;

    Reading(Thread thread) {
      this.thread = thread;
    }

    synchronized boolean read() {
      reading = false;
      return !expired;
    }

    synchronized void expire() {
      if (reading) {
        expired = true;
        reading = false;
        log.debug("Closing a connection that sent no complete request within {}", timeout);
        thread.interrupt();
      }
    }

    synchronized void finish() {
      reading = false;
    }
  }
}
