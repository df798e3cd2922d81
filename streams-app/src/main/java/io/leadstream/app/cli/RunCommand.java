package io.leadstream.app.cli;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the LeadStream topology against an external Kafka cluster until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the LeadStream topology against a Kafka cluster until Ctrl-C or SIGTERM.",
        "Scale out by starting more instances with the same application.id (one per partition at most)."})
final class RunCommand implements Callable<Integer> {

  @Mixin KafkaOptions kafka;

  @Option(names = "--create-topics", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Create missing topics at start (default: ${DEFAULT-VALUE}).")
  boolean createTopics;

  @Override
  public Integer call() throws Exception {
    LeadStreamConfig config = kafka.toConfig();
    config.logSettings();
    if (createTopics) {
      TopicCreator.createMissing(config);
    }
    try (LeadStreamApp app = LeadStreamApp.start(config)) {
      Runtime.getRuntime().addShutdownHook(new Thread(app::close, "leadstream-shutdown"));
      app.awaitStop();
    }
    return 0;
  }
}
