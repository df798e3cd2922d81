package io.leadstream.it;

import io.leadstream.tools.cli.LeadStreamCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code leadstream run} in a JVM of its own, with these settings as {@code -D} options and its
 * output in a log file, so that a test can kill it with SIGKILL.
 */
final class ChildApp implements AutoCloseable {

  private final Process process;
  private final Path log;

  private ChildApp(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static ChildApp start(Map<String, Object> props, Path log) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                testClassPath(),
                LeadStreamCli.class.getName(),
                "run"));
    props.forEach((key, value) -> command.add("-D" + key + "=" + value));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ChildApp(process, log);
  }

  /** SIGKILL: no shutdown hook, no commit, no leaving the group. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** The whole log so far. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log's last 4,000 characters, for an assertion's message. */
  String logTail() {
    try {
      String text = Files.readString(log);
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, and waits up to a minute for the app to stop. */
  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The class path this test runs on, for a JVM of its own. */
  static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }
}
