package io.leadstream.tools.cli;

import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs a single-node Kafka broker in its own process, for trying LeadStream and for the fault
 * campaign.
 */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
      "Run a single-node Kafka broker (KRaft, broker and controller in one) until Ctrl-C or SIGTERM.",
      "Its data lives in --data and survives restarts. For trying `run`, `produce` and `lag` against a broker "
          + "in another process, and for `faults`; not for production (one node, replication 1)."
    })
final class BrokerCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      defaultValue = "9092",
      description = "Client port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--controller-port",
      defaultValue = "9093",
      description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(
      names = "--data",
      defaultValue = ".leadstream/broker",
      paramLabel = "DIR",
      description =
          "Folder of the broker's logs and metadata, created and formatted on first use (default: ${DEFAULT-VALUE}).")
  Path data;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startPersistent(data, port, controllerPort);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                },
                "leadstream-broker-shutdown"));
    spec.commandLine()
        .getOut()
        .println(
            "Broker at "
                + broker.bootstrapServers()
                + " (data in "
                + data.toAbsolutePath()
                + "). Ctrl-C to stop.");
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
