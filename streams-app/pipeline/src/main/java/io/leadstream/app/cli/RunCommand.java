package io.leadstream.app.cli;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.streams.errors.Causes;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the LeadStream topology against an external Kafka cluster until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the LeadStream topology against a Kafka cluster until Ctrl-C or SIGTERM.",
      "Scale out by starting more instances with the same application.id (one per partition at most)."
    })
public final class RunCommand implements Callable<Integer> {

  /** Exit code when stream threads kept failing and the instance shut down. */
  static final int EXIT_FAILED = 1;

  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--create-topics",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Create missing topics at start (default: ${DEFAULT-VALUE}).")
  boolean createTopics;

  @Override
  public Integer call() throws Exception {
    GpuProbeLogging.quietUnlessAskedFor(System.getenv());
    LeadStreamConfig config = kafka.toConfig();
    config.logSettings();
    if (createTopics) {
      TopicCreator.createMissing(config);
    }
    try (LeadStreamApp app = LeadStreamApp.start(config)) {
      Runtime.getRuntime().addShutdownHook(new Thread(app::close, "leadstream-shutdown"));
      app.awaitStop();
      Optional<Throwable> fatal = app.fatalFailure();
      if (fatal.isPresent()) {
        spec.commandLine()
            .getErr()
            .println(
                "LeadStream stopped after repeated failures: " + Causes.rootCause(fatal.get()));
        return EXIT_FAILED;
      }
    }
    return 0;
  }
}
