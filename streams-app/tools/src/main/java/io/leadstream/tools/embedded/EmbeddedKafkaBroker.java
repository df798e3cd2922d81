package io.leadstream.tools.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) running inside this JVM, for
 * {@code demo}, {@code bench}, the {@code broker} command and integration tests. Starts in a few
 * seconds, either on a fresh log folder that {@link #close()} deletes, or on a folder of its own
 * that survives restarts ({@link #startPersistent}).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final String CLUSTER_ID = "TGVhZFN0cmVhbUtSYWZ0";

  private final Path logDir;
  private final int port;
  private final int sslPort;
  private final KafkaRaftServer server;
  private final boolean deleteOnClose;

  private EmbeddedKafkaBroker(
      Path logDir, int port, int sslPort, KafkaRaftServer server, boolean deleteOnClose) {
    this.logDir = logDir;
    this.port = port;
    this.sslPort = sslPort;
    this.server = server;
    this.deleteOnClose = deleteOnClose;
  }

  /**
   * Starts a broker on fixed ports whose data lives in {@code logDir}, formatted on first use and
   * kept by {@link #close()}: started again on the same folder, it has every topic and record.
   */
  public static EmbeddedKafkaBroker startPersistent(Path logDir, int port, int controllerPort) {
    try {
      Files.createDirectories(logDir);
      Properties props = brokerProperties(logDir, port, controllerPort);
      format(logDir, props);
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
      server.startup();
      return new EmbeddedKafkaBroker(logDir, port, -1, server, false);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the broker's folder " + logDir, e);
    }
  }

  /** Formats a fresh log folder and starts a broker on a free loopback port. */
  public static EmbeddedKafkaBroker start() {
    return start(Map.of());
  }

  /**
   * Starts a broker with extra broker settings layered over the single-node defaults (for example
   * an SSL listener).
   */
  public static EmbeddedKafkaBroker start(Map<String, String> overrides) {
    return start(overrides, null);
  }

  /**
   * Starts a broker with a second, TLS listener beside the plaintext one.
   *
   * @param keyStore PKCS12 key store holding the broker's key and certificate (CN=localhost)
   */
  public static EmbeddedKafkaBroker startWithTls(Path keyStore, String password) {
    return start(
        Map.of(
            "ssl.keystore.type",
            "PKCS12",
            "ssl.keystore.location",
            keyStore.toString(),
            "ssl.keystore.password",
            password,
            "ssl.key.password",
            password),
        keyStore);
  }

  private static EmbeddedKafkaBroker start(Map<String, String> overrides, Path tlsKeyStore) {
    try {
      Path logDir = Files.createTempDirectory("leadstream-kafka-");
      int[] ports = FreePorts.distinct(3);
      int port = ports[0];
      int sslPort = tlsKeyStore == null ? -1 : ports[2];
      Properties props = brokerProperties(logDir, port, ports[1]);
      if (sslPort > 0) {
        props.put("listeners", props.get("listeners") + ",SSL://localhost:" + sslPort);
        props.put(
            "advertised.listeners",
            props.get("advertised.listeners") + ",SSL://localhost:" + sslPort);
      }
      props.putAll(overrides);
      format(logDir, props);
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
      server.startup();
      return new EmbeddedKafkaBroker(logDir, port, sslPort, server, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the embedded Kafka broker", e);
    }
  }

  /** The {@code bootstrap.servers} value clients use to reach this broker. */
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /**
   * The bootstrap servers of the TLS listener; only for a broker started with {@link
   * #startWithTls}.
   */
  public String tlsBootstrapServers() {
    if (sslPort < 0) {
      throw new IllegalStateException("this broker has no TLS listener");
    }
    return "localhost:" + sslPort;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    if (deleteOnClose) {
      Folders.deleteQuietly(logDir);
    }
  }

  private static Properties brokerProperties(Path logDir, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    p.put(
        "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SSL:SSL");
    p.put("log.dirs", logDir.toString());
    p.put("num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // A single node must lower every internal topic's replication, or Streams waits forever.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    return p;
  }

  private static void format(Path logDir, Properties props) throws IOException {
    Path config = logDir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      props.store(out, "LeadStream embedded broker");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int rc;
    try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      rc =
          StorageTool.execute(
              new String[] {
                "format", "-t", CLUSTER_ID, "-c", config.toString(), "--ignore-formatted"
              },
              printer);
    }
    if (rc != 0) {
      throw new IllegalStateException(
          "Formatting the embedded broker's log folder failed: "
              + output.toString(StandardCharsets.UTF_8));
    }
  }
}
