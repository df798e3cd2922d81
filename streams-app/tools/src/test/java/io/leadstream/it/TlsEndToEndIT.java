package io.leadstream.it;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.testing.InProcessRun;
import io.leadstream.tools.testing.TestFeed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS settings reach every Kafka client LeadStream opens (Streams, admin, producer, consumer): the
 * whole run goes through the broker's SSL listener, trusting a certificate made for this test.
 */
class TlsEndToEndIT {

  private static final String PASSWORD = "leadstream-test";

  @TempDir Path dir;

  @Test
  void shouldRunEndToEndOverTls() throws Exception {
    Path keyStore = dir.resolve("broker.p12");
    Path certificate = dir.resolve("broker.crt");
    Path trustStore = dir.resolve("truststore.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "broker",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-alias",
        "broker",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        PASSWORD,
        "-rfc",
        "-file",
        certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "broker",
        "-file",
        certificate.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trustStore.toString(),
        "-storepass",
        PASSWORD);

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startWithTls(keyStore, PASSWORD)) {
      LeadStreamConfig config =
          IntegrationConfigs.forRun(
              broker.tlsBootstrapServers(),
              "tls",
              dir.resolve("state"),
              Map.of(
                  "security.protocol",
                  "SSL",
                  "ssl.truststore.type",
                  "PKCS12",
                  "ssl.truststore.location",
                  trustStore.toString(),
                  "ssl.truststore.password",
                  PASSWORD));
      TestFeed feed = TestFeed.of(15);

      InProcessRun.outcomesOf(feed, config).assertExactlyOnce(feed);
    }
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }
}
