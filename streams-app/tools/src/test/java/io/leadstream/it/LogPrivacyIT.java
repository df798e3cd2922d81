package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import io.leadstream.tools.testing.InProcessRun;
import io.leadstream.tools.testing.TestFeed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Lead text and contact data are personal data: nothing logged at INFO or above may contain them.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LogPrivacyIT {

  @TempDir Path stateDir;

  @Test
  void shouldNotLogLeadTextOrContactDataAtInfo(EmbeddedKafkaBroker broker) throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Level previous = root.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    root.setLevel(Level.INFO);
    TestFeed feed = TestFeed.of(30);
    try {
      LeadStreamConfig config =
          IntegrationConfigs.forRun(broker.bootstrapServers(), "privacy", stateDir, Map.of());
      InProcessRun.outcomesOf(feed, config).assertExactlyOnce(feed);
    } finally {
      root.setLevel(previous);
      root.detachAppender(captured);
    }

    List<String> secrets =
        feed.leads().stream()
            .flatMap(
                lead ->
                    Stream.of(
                        lead.getNotes(),
                        lead.getLastMessage(),
                        lead.getContact() == null ? null : lead.getContact().getName()))
            .filter(s -> s != null && !s.isBlank())
            .map(s -> s.length() > 24 ? s.substring(0, 24) : s)
            .distinct()
            .toList();
    assertThat(secrets).contains("Dana Roth");
    assertThat(captured.list).isNotEmpty();
    for (ILoggingEvent event : captured.list) {
      String logged =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(secrets)
          .as("logged at %s by %s", event.getLevel(), event.getLoggerName())
          .noneSatisfy(secret -> assertThat(logged).contains(secret));
    }
  }
}
