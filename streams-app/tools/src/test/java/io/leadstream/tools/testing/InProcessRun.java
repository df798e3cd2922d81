package io.leadstream.tools.testing;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.tools.observe.OutcomeReader;
import java.time.Duration;

/**
 * Creates the topics, sends a feed, runs the app in this JVM and collects every committed outcome.
 */
public final class InProcessRun {

  private InProcessRun() {}

  public static OutcomeLedger outcomesOf(TestFeed feed, LeadStreamConfig config)
      throws InterruptedException {
    TopicCreator.createMissing(config);
    feed.sendAll(config);
    return process(feed, config);
  }

  /** Runs the app on a feed already sent and collects its outcomes. */
  public static OutcomeLedger process(TestFeed feed, LeadStreamConfig config)
      throws InterruptedException {
    return process(config, feed.size());
  }

  /**
   * Runs the app on records already sent and collects the {@code expected} outcomes, and any more.
   */
  public static OutcomeLedger process(LeadStreamConfig config, int expected)
      throws InterruptedException {
    try (LeadStreamApp app = LeadStreamApp.start(config);
        OutcomeReader reader = new OutcomeReader(config)) {
      app.awaitRunning(Duration.ofSeconds(60));
      return new OutcomeLedger().readAll(reader, expected, Duration.ofSeconds(120));
    }
  }
}
