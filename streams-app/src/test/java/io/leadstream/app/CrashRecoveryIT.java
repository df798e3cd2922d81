package io.leadstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.broker.EmbeddedKafkaBroker;
import io.leadstream.app.cli.LeadStreamCli;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.observe.OutcomeReader;
import io.leadstream.app.observe.OutcomeWaiter;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.testing.EmbeddedKafkaExtension;
import io.leadstream.app.testing.OutcomeLedger;
import io.leadstream.app.testing.TestFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the app process with SIGKILL in the middle of the stream, starts it again, and checks that
 * exactly-once processing still gives every input exactly one committed outcome.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class CrashRecoveryIT {

  private static final int LEADS = 300;
  private static final int OUTCOMES_BEFORE_KILL = 40;

  @TempDir Path workDir;

  @Test
  void shouldGiveEveryInputExactlyOneOutcomeAcrossAKill9(EmbeddedKafkaBroker broker) throws Exception {
    Map<String, Object> props = IntegrationConfigs.props(broker.bootstrapServers(), "crash",
        workDir.resolve("state"), Map.of(
            "consumer.session.timeout.ms", 6000,
            "consumer.heartbeat.interval.ms", 1500));
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    TestFeed feed = TestFeed.of(LEADS);
    feed.sendAll(config);

    OutcomeLedger ledger = new OutcomeLedger();
    try (OutcomeReader reader = new OutcomeReader(config)) {
      Process first = startApp(props, "first");
      try {
        int seen = OutcomeWaiter.await(reader, OUTCOMES_BEFORE_KILL, Duration.ofSeconds(120), ledger::add);
        assertThat(seen).as("outcomes before the kill; app log: %s", log("first")).isGreaterThanOrEqualTo(OUTCOMES_BEFORE_KILL);
      } finally {
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no leaving the group
        first.waitFor(30, TimeUnit.SECONDS);
      }
      assertThat(ledger.size()).as("the kill must land mid-stream").isLessThan(feed.size());

      Process second = startApp(props, "second");
      try {
        ledger.readAll(reader, feed.size() - ledger.size(), Duration.ofSeconds(180));
      } finally {
        second.destroy();
        second.waitFor(60, TimeUnit.SECONDS);
      }
    }

    ledger.assertExactlyOnce(feed);
  }

  private Process startApp(Map<String, Object> props, String name) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", testClassPath(), LeadStreamCli.class.getName(), "run"));
    props.forEach((key, value) -> command.add("-D" + key + "=" + value));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve(name + ".log").toFile())
        .start();
  }

  private String log(String name) {
    try {
      String log = Files.readString(workDir.resolve(name + ".log"));
      return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }
}
