package io.leadstream.it;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.tools.cli.LeadStreamCli;
import io.leadstream.tools.faults.ChildJvm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Settings for one integration test: its own application.id and topics on a shared broker. */
final class IntegrationConfigs {

  private IntegrationConfigs() {}

  static Map<String, Object> props(
      String bootstrap, String name, Path stateDir, Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrap);
    props.put("application.id", "leadstream-" + name);
    props.put("state.dir", stateDir.toString());
    props.put(LeadStreamConfig.TOPIC_RAW_CONFIG, name + ".leads.raw");
    props.put(LeadStreamConfig.TOPIC_PRIORITIZED_CONFIG, name + ".leads.prioritized");
    props.put(LeadStreamConfig.TOPIC_HOT_CONFIG, name + ".leads.hot");
    props.put(LeadStreamConfig.TOPIC_DLQ_CONFIG, name + ".leads.dlq");
    props.put(LeadStreamConfig.TOPIC_OUTCOMES_CONFIG, name + ".leads.outcomes");
    props.put(LeadStreamConfig.TOPIC_LABELLED_CONFIG, name + ".leads.labelled");
    props.put(LeadStreamConfig.TOPIC_PARTITIONS_CONFIG, 3);
    props.put(LeadStreamConfig.HTTP_PORT_CONFIG, 0);
    props.putAll(extra);
    return props;
  }

  /**
   * Batching on, with a linger longer than any test: held records are drained only by a full batch,
   * a commit or an outcome to label.
   */
  static Map<String, Object> batchedWithoutLinger(int batchMax) {
    return Map.of(
        LeadStreamConfig.INFERENCE_BATCH_MAX_CONFIG,
        batchMax,
        LeadStreamConfig.INFERENCE_LINGER_MS_CONFIG,
        60_000);
  }

  static LeadStreamConfig forRun(
      String bootstrap, String name, Path stateDir, Map<String, Object> extra) {
    return new LeadStreamConfig(props(bootstrap, name, stateDir, extra));
  }

  /**
   * {@code leadstream run} with these settings as {@code -D} options, in a JVM of its own that a
   * test can kill with SIGKILL and start again; not started yet.
   */
  static ChildJvm app(String name, Map<String, Object> props, Path logDir) {
    List<String> run = new ArrayList<>(List.of("run"));
    props.forEach((key, value) -> run.add("-D" + key + "=" + value));
    return new ChildJvm(
        name, testClassPath(), LeadStreamCli.class.getName(), List.of(), run, logDir);
  }

  /** The class path this test runs on, for a JVM of its own. */
  static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  /**
   * Runs a {@code leadstream} command with these settings as {@code -D} options; its output goes to
   * {@code out}.
   */
  static int execute(
      String command, Map<String, Object> props, StringWriter out, String... options) {
    return execute(command, props, out, null, options);
  }

  /** As {@link #execute(String, Map, StringWriter, String...)}, its errors in {@code err}. */
  static int execute(
      String command,
      Map<String, Object> props,
      StringWriter out,
      StringWriter err,
      String... options) {
    List<String> args = new ArrayList<>(List.of(command));
    props.forEach((key, value) -> args.add("-D" + key + "=" + value));
    args.addAll(List.of(options));
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out));
    if (err != null) {
      cli.setErr(new PrintWriter(err));
    }
    return cli.execute(args.toArray(String[]::new));
  }
}
