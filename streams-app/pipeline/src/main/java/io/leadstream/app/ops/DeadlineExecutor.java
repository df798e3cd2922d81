package io.leadstream.app.ops;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a pool and interrupts any that is still running after a deadline. Meant for HTTP
 * exchanges: interrupting a thread blocked on an interruptible channel closes the channel, so a
 * client that stalls (half a request sent, a body never finished, an answer never read) loses its
 * connection and frees the thread.
 *
 * <p>This is the HTTP server's read and request timeout. The JDK server reads each request on the
 * executor thread that then runs the handler, from a blocking channel, and has no timeout of its
 * own per server: {@code sun.net.httpserver.maxReqTime} and {@code maxRspTime} are JVM-wide, read
 * once when the first server is made, and off by default.
 */
final class DeadlineExecutor implements Executor, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeadlineExecutor.class);

  private final Executor workers;
  private final Duration deadline;
  private final ScheduledThreadPoolExecutor alarms;

  /**
   * @param name prefix of the alarm thread's name
   */
  DeadlineExecutor(String name, Executor workers, Duration deadline) {
    this.workers = workers;
    this.deadline = deadline;
    this.alarms = new ScheduledThreadPoolExecutor(1, new NamedDaemonThreads(name + "-deadline"));
    alarms.setRemoveOnCancelPolicy(true);
  }

  /** Runs the task on the workers, under the deadline; throws what the workers throw when full. */
  @Override
  public void execute(Runnable task) {
    workers.execute(
        () -> {
          Running running = new Running(Thread.currentThread());
          ScheduledFuture<?> alarm =
              alarms.schedule(running::expire, deadline.toNanos(), TimeUnit.NANOSECONDS);
          try {
            task.run();
          } finally {
            running.finish();
            alarm.cancel(false);
            // An interrupt the task did not consume must not reach the worker's next task.
            Thread.interrupted();
          }
        });
  }

  @Override
  public void close() {
    alarms.shutdownNow();
  }

  /** One task on its thread: interrupted at the deadline only while it is still running. */
  private final class Running {
    private final Thread thread;
    private boolean finished;

    Running(Thread thread) {
      this.thread = thread;
    }

    synchronized void expire() {
      if (!finished) {
        log.debug(
            "Interrupting {}: its request has taken longer than {}", thread.getName(), deadline);
        thread.interrupt();
      }
    }

    synchronized void finish() {
      finished = true;
    }
  }
}
