package io.leadstream.app.config;

import io.leadstream.app.streams.state.LeadStores;
import io.leadstream.schema.registry.RegistrySettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.LoggerFactory;

/**
 * LeadStream's own settings, all under the {@code leadstream.} prefix. Every other key is a Kafka
 * Streams or Kafka client setting and passes through untouched (see {@link #streamsProperties()}).
 */
public final class LeadStreamConfig extends AbstractConfig {

  public static final String PREFIX = "leadstream.";

  private static final String TOPICS_GROUP = "Topics";
  private static final String MODEL_GROUP = "Models";
  private static final String VALIDATION_GROUP = "Validation";
  private static final String STATE_GROUP = "State";
  private static final String OPS_GROUP = "Operations";
  private static final String LABELS_GROUP = "Labels";
  private static final String EVALUATION_GROUP = "Live evaluation";

  public static final String TOPIC_RAW_CONFIG = PREFIX + "topic.raw";
  private static final String TOPIC_RAW_DOC =
      "Input topic of raw CRM lead events (Avro LeadEvent, or the CRM's own JSON with "
          + "leadstream.input.format=json; key = leadId).";
  public static final String TOPIC_RAW_DEFAULT = "leads.raw";

  public static final String TOPIC_PRIORITIZED_CONFIG = PREFIX + "topic.prioritized";
  private static final String TOPIC_PRIORITIZED_DOC =
      "Output topic of every scored lead event (Avro PrioritizedLead).";
  public static final String TOPIC_PRIORITIZED_DEFAULT = "leads.prioritized";

  public static final String TOPIC_HOT_CONFIG = PREFIX + "topic.hot";
  private static final String TOPIC_HOT_DOC =
      "Output topic of leads entering the HOT tier, for notification services.";
  public static final String TOPIC_HOT_DEFAULT = "leads.hot";

  public static final String TOPIC_DLQ_CONFIG = PREFIX + "topic.dlq";
  private static final String TOPIC_DLQ_DOC =
      "Dead-letter topic: original bytes of every rejected record, with headers saying why and where from.";
  public static final String TOPIC_DLQ_DEFAULT = "leads.dlq";

  public static final String TOPIC_OUTCOMES_CONFIG = PREFIX + "topic.outcomes";
  private static final String TOPIC_OUTCOMES_DOC =
      "Input topic of lead outcomes (Avro LeadOutcome: CONVERTED, WON, LOST, DISQUALIFIED; key = "
          + "leadId), in the format of leadstream.input.format, except that with json it holds LeadOutcome in Avro "
          + "single-object encoding (the mapping language has no outcome mapping yet). It must have the partitions "
          + "of the raw topic, so that an outcome meets its lead's history: LeadStream creates it so and refuses to "
          + "start when they differ.";
  public static final String TOPIC_OUTCOMES_DEFAULT = "leads.outcomes";

  public static final String TOPIC_LABELLED_CONFIG = PREFIX + "topic.labelled";
  private static final String TOPIC_LABELLED_DOC =
      "Compacted output topic of labelled leads (Avro LabelledLead, key = leadId): each outcome "
          + "with the lead's last event and score at or before the outcome's time minus leadstream.labels.horizon.ms; "
          + "an outcome with no such event is written without them.";
  public static final String TOPIC_LABELLED_DEFAULT = "leads.labelled";

  public static final String LABELS_HORIZON_CONFIG = PREFIX + "labels.horizon.ms";
  private static final String LABELS_HORIZON_DOC =
      "How long before an outcome the event it is labelled with must have occurred: an outcome "
          + "at time t is joined with the lead's last event at or before t minus this, so that the label is not "
          + "learned from what happened at the close. 0 takes the last event at or before the outcome.";
  public static final long LABELS_HORIZON_DEFAULT = 86_400_000L;

  public static final String LABELS_HISTORY_EVENTS_CONFIG = PREFIX + "labels.history.events";
  private static final String LABELS_HISTORY_EVENTS_DOC =
      "Scored events kept per lead (the latest by occurredAt, in lead-history-store) for labelling "
          + "outcomes; an outcome whose lead's kept events all occurred after its horizon is written without "
          + "features. Each kept event costs its size on disk and in the store's changelog.";
  public static final int LABELS_HISTORY_EVENTS_DEFAULT = 20;

  public static final String EVALUATION_INTERVAL_CONFIG = PREFIX + "evaluation.interval.ms";
  private static final String EVALUATION_INTERVAL_DOC =
      "How often the live scores are evaluated against the outcomes on the labelled topic (read "
          + "by a consumer of its own, outside the group), per model version, into /metrics and /evaluation; 0 turns "
          + "live evaluation off.";
  public static final long EVALUATION_INTERVAL_DEFAULT = 60_000L;

  public static final String EVALUATION_WINDOW_CONFIG = PREFIX + "evaluation.window";
  private static final String EVALUATION_WINDOW_DOC =
      "ISO-8601 length of the rolling window of outcome times that live evaluation covers, e.g. "
          + "P30D or PT12H; older labelled leads are dropped from memory.";
  public static final String EVALUATION_WINDOW_DEFAULT = "P30D";

  public static final String EVALUATION_AUC_MARGIN_CONFIG = PREFIX + "evaluation.auc.margin";
  private static final String EVALUATION_AUC_MARGIN_DOC =
      "A model version warns when its live AUC is below its card's hold-out AUC minus this.";
  public static final double EVALUATION_AUC_MARGIN_DEFAULT = 0.05;

  public static final String EVALUATION_CALIBRATION_MARGIN_CONFIG =
      PREFIX + "evaluation.calibration.margin";
  private static final String EVALUATION_CALIBRATION_MARGIN_DOC =
      "A model version warns when its mean score/100 and its observed conversion rate differ by "
          + "more than this and the mean lies outside the rate's 95 % Wilson interval.";
  public static final double EVALUATION_CALIBRATION_MARGIN_DEFAULT = 0.05;

  public static final String EVALUATION_DRIFT_THRESHOLD_CONFIG =
      PREFIX + "evaluation.drift.threshold";
  private static final String EVALUATION_DRIFT_THRESHOLD_DOC =
      "A model version warns when the population stability index (PSI) of p(opportunity), the score or one of its "
          + "card's five most important features, training split against the window, is above this (from 100 "
          + "leads on; below 0.1 reads stable, above 0.25 a major shift).";
  public static final double EVALUATION_DRIFT_THRESHOLD_DEFAULT = 0.25;

  public static final String MODEL_BUNDLE_CONFIG = PREFIX + "model.bundle";
  private static final String MODEL_BUNDLE_DOC =
      "Model bundle to score with: a folder holding manifest.json, or classpath:bundles/<name> for a bundle shipped in the jar.";
  public static final String MODEL_BUNDLE_DEFAULT = "classpath:bundles/default";

  public static final String MODEL_RELOAD_INTERVAL_CONFIG = PREFIX + "model.reload.interval.ms";
  private static final String MODEL_RELOAD_INTERVAL_DOC =
      "How often a bundle folder is checked for a new version, which is then loaded, "
          + "smoke-checked and swapped in without a restart; 0 turns reloading off. Bundles on the class path never change.";
  public static final long MODEL_RELOAD_INTERVAL_DEFAULT = 30_000L;

  public static final String ENCODER_THREADS_CONFIG = PREFIX + "encoder.intra.op.threads";
  private static final String ENCODER_THREADS_DOC =
      "Threads ONNX Runtime may use inside one encoder call; 0 = every core. "
          + "LeadStream gets its parallelism from stream threads (num.stream.threads, one predictor each), so 1 is best "
          + "when there are as many stream threads as cores; raise it when there are fewer partitions than cores.";
  public static final int ENCODER_THREADS_DEFAULT = 1;

  public static final String ENCODER_GRAPH_FUSION_CONFIG = PREFIX + "encoder.graph.fusion";
  private static final String ENCODER_GRAPH_FUSION_DOC =
      "Whether an ONNX encoder's graph is fused before it loads, beyond ONNX Runtime's own load-time "
          + "optimizations: each BERT-style self-attention block becomes one (Q)Attention operator, biases and "
          + "residual adds are folded into their neighbours. The same function with fewer operators (MiniLM: "
          + "int8 5-8 %, fp32 1-5 % faster a text); a graph without such blocks loads as it is. false loads "
          + "the file as it is.";
  public static final boolean ENCODER_GRAPH_FUSION_DEFAULT = true;

  public static final String INFERENCE_BATCH_MAX_CONFIG = PREFIX + "inference.batch.max";
  private static final String INFERENCE_BATCH_MAX_DOC =
      "Texts a task holds back to read in one encoder call; 1 reads each record's text as it comes; "
          + "0 chooses from the serving bundle's encoder: 8 for one that reads each text in a call of its own "
          + "(its spec's maxBatch 1, such as minilm-q, the default bundle's), where 8 gave 19-22 % more "
          + "leads/s than 1, and 1 for one that reads padded batches, whose texts read slower in batches. "
          + "Held records are read at the latest when the task commits, so nothing is committed without "
          + "its output; that commit then waits for their reading, which adds latency (bench at 8, 100 ms "
          + "commits: p50 18-31 ms, p99 20-61 ms). Texts run shortest first.";
  public static final int INFERENCE_BATCH_MAX_DEFAULT = 0;

  public static final String INFERENCE_LINGER_MS_CONFIG = PREFIX + "inference.linger.ms";
  private static final String INFERENCE_LINGER_MS_DOC =
      "How long the oldest held text may wait for its batch to fill (when inference.batch.max "
          + "holds more than one); every commit reads what is held. Checked on a wall-clock tick every half linger, "
          + "which runs between the stream thread's processing passes and polls: records the task has "
          + "in hand fill a batch between two ticks, and on a quiet partition a held record waits for "
          + "the next tick after the linger, at worst for the next record or poll (poll.ms).";
  public static final long INFERENCE_LINGER_MS_DEFAULT = 10L;

  public static final String STATE_STORES_CONFIG = PREFIX + "state.stores";
  private static final String STATE_STORES_DOC =
      "Where the per-lead score history (lead-track-store) and event history (lead-history-store, "
          + "for labels) keep their data: rocksdb (on disk, "
          + "any number of leads; flushed at every commit) or in_memory (in the heap, faster; restored from the changelog "
          + "at start). Both are backed by a changelog topic.";
  public static final String STATE_STORES_DEFAULT = "rocksdb";

  public static final String TEXT_MEMO_ENTRIES_CONFIG = PREFIX + "text.memo.entries";
  private static final String TEXT_MEMO_ENTRIES_DOC =
      "Leads per partition whose last text reading is remembered, so that an unchanged text "
          + "is not encoded again (an in-memory LRU cache, about 200 bytes a lead; empty after a restart).";
  public static final int TEXT_MEMO_ENTRIES_DEFAULT = 100_000;

  public static final String HTTP_HOST_CONFIG = PREFIX + "http.host";
  private static final String HTTP_HOST_DOC =
      "Address the ops endpoints (/metrics, /health/live, /health/ready) bind to; loopback by default, 0.0.0.0 for every interface.";
  public static final String HTTP_HOST_DEFAULT = "127.0.0.1";

  public static final String HTTP_PORT_CONFIG = PREFIX + "http.port";
  private static final String HTTP_PORT_DOC =
      "Port of the ops endpoints; 0 picks a free port, -1 serves none.";
  public static final int HTTP_PORT_DEFAULT = 8080;

  public static final String HTTP_ADVERTISED_HOST_CONFIG = PREFIX + "http.advertised.host";
  private static final String HTTP_ADVERTISED_HOST_DOC =
      "Host name other instances use to reach this one's HTTP port for lead queries "
          + "(Kafka Streams' application.server). Default: leadstream.http.host, or this machine's name when that is 0.0.0.0.";

  public static final String HTTP_TOKEN_CONFIG = PREFIX + "http.token";
  private static final String HTTP_TOKEN_DOC =
      "Bearer token required by the lead queries (/leads/...), which return personal data. "
          + "Unset: no token is asked for (the endpoints bind to loopback by default).";

  public static final String METRICS_REFRESH_CONFIG = PREFIX + "metrics.refresh.ms";
  private static final String METRICS_REFRESH_DOC =
      "How often Kafka's client metrics (consumer lag among them) are re-read into /metrics.";
  public static final long METRICS_REFRESH_DEFAULT = 5_000L;

  public static final String TEXT_MAX_BYTES_CONFIG = PREFIX + "text.max.bytes";
  private static final String TEXT_MAX_BYTES_DOC =
      "Largest notes or last-message text accepted, in UTF-8 bytes; longer records are dead-lettered.";
  public static final int TEXT_MAX_BYTES_DEFAULT = 16 * 1024;

  public static final String RECORD_MAX_BYTES_CONFIG = PREFIX + "record.max.bytes";
  private static final String RECORD_MAX_BYTES_DOC =
      "Largest raw record (key plus value bytes) accepted; larger ones are dead-lettered as "
          + "RECORD_TOO_LARGE before decoding. Keeps every output and state entry well below the broker's message size limit.";
  public static final int RECORD_MAX_BYTES_DEFAULT = 256 * 1024;

  public static final String INPUT_SCHEMAS_CONFIG = PREFIX + "input.schemas";
  private static final String INPUT_SCHEMAS_DOC =
      "Folder of further writer schemas of LeadEvent (one complete schema per .avsc "
          + "file, as Schema.toString() writes it), so that producers that evolved their schema (fields added with defaults, "
          + "defaulted ones dropped, fields reordered) are read through Avro schema resolution. Empty: only the app's own "
          + "schema. An incompatible schema stops the start with the incompatibility named.";
  public static final String INPUT_SCHEMAS_DEFAULT = "";

  /** What the input topic's values are. */
  public enum InputFormat {
    /** Avro {@code LeadEvent} in single-object encoding. */
    AVRO,
    /** A CRM's own JSON events, read through {@code leadstream.input.mapping}. */
    JSON,
    /** Avro {@code LeadEvent} in the schema registry wire format. */
    CONFLUENT_AVRO;

    /**
     * The format a setting names ({@code confluent-avro} is {@code CONFLUENT_AVRO}).
     *
     * @throws IllegalArgumentException when it names none
     */
    public static InputFormat of(String setting) {
      return valueOf(enumName(setting));
    }

    /** As {@code leadstream.input.format} spells it. */
    public String settingName() {
      return LeadStreamConfig.settingName(this);
    }
  }

  /** How the output topics' values are written. */
  public enum OutputFormat {
    /** Avro {@code PrioritizedLead} in single-object encoding. */
    AVRO,
    /** Avro {@code PrioritizedLead} in the schema registry wire format. */
    CONFLUENT_AVRO;

    /** As {@code leadstream.output.format} spells it. */
    public String settingName() {
      return LeadStreamConfig.settingName(this);
    }
  }

  public static final String INPUT_FORMAT_CONFIG = PREFIX + "input.format";
  private static final String INPUT_FORMAT_DOC =
      "What the input topic's values are: avro (LeadEvent in Avro single-object encoding), "
          + "json (the CRM's own JSON events, one object a record, read through leadstream.input.mapping) or "
          + "confluent-avro (LeadEvent in the Confluent Schema Registry wire format: byte 0, the writer schema's "
          + "4-byte id, the Avro body; writer schemas fetched from leadstream.schema.registry.url).";
  public static final String INPUT_FORMAT_DEFAULT = "avro";

  public static final String OUTPUT_FORMAT_CONFIG = PREFIX + "output.format";
  private static final String OUTPUT_FORMAT_DOC =
      "How leads.prioritized, leads.hot and leads.labelled values are written: avro (PrioritizedLead "
          + "and LabelledLead in Avro single-object encoding) or confluent-avro (the schema registry wire format, the schema registered under "
          + "the TopicNameStrategy subjects <topic>-value).";
  public static final String OUTPUT_FORMAT_DEFAULT = "avro";

  public static final String REGISTRY_URL_CONFIG = PREFIX + "schema.registry.url";
  private static final String REGISTRY_URL_DOC =
      "Base URL of a Confluent-compatible schema registry (https through the JVM's trust store). "
          + "Needed by the confluent-avro formats; with avro input, the versions of the subject <raw topic>-value are "
          + "further writer schemas (read at start, and again for an unknown fingerprint at most once a minute).";
  public static final String REGISTRY_URL_DEFAULT = "";

  public static final String REGISTRY_BASIC_AUTH_CONFIG =
      PREFIX + "schema.registry.basic.auth.user.info";
  private static final String REGISTRY_BASIC_AUTH_DOC =
      "user:password for the schema registry's HTTP Basic authentication.";

  public static final String REGISTRY_RETRY_CONFIG = PREFIX + "schema.registry.retry.ms";
  private static final String REGISTRY_RETRY_DOC =
      "How long a schema registry request that finds the registry unreachable (or answering 5xx) is "
          + "retried before the stream task fails; below Kafka Streams' exactly-once transaction time-out (10 s) so that "
          + "the failure names the registry. Schemas already fetched are cached and need no request.";
  public static final long REGISTRY_RETRY_DEFAULT = 5_000L;

  public static final String REGISTRY_BEARER_TOKEN_CONFIG = PREFIX + "schema.registry.bearer.token";
  private static final String REGISTRY_BEARER_TOKEN_DOC =
      "Bearer token for the schema registry (instead of basic auth).";

  public static final String INPUT_MAPPING_CONFIG = PREFIX + "input.mapping";
  private static final String INPUT_MAPPING_DOC =
      "With leadstream.input.format=json: the mapping file (the language of train --mapping, "
          + "columns named by dotted JSON paths such as properties.annualrevenue) that turns each JSON event into a "
          + "LeadEvent; loaded and checked at start. Its label is not read.";
  public static final String INPUT_MAPPING_DEFAULT = "";

  public static final String INPUT_OUTCOMES_MAPPING_CONFIG = PREFIX + "input.outcomes.mapping";
  private static final String INPUT_OUTCOMES_MAPPING_DOC =
      "With leadstream.input.format=json: the outcome mapping file (lead, outcome and its values, time, id, value, "
          + "currency, source; see docs/examples/hubspot-json/outcome-mapping.yaml) that turns each JSON event on the "
          + "outcomes topic into a LeadOutcome; loaded and checked at start. Without it, outcomes are read as "
          + "single-object Avro.";

  public static final String FAILURE_REPLACEMENTS_CONFIG = PREFIX + "failure.thread.replacements";
  private static final String FAILURE_REPLACEMENTS_DOC =
      "How many times a stream thread that failed (a broken model, a store, the "
          + "broker; never a bad record, which is dead-lettered) is replaced within leadstream.failure.window.ms before the "
          + "instance shuts down with exit code 1, for its orchestrator to restart it or alert. 0 shuts down at the first failure.";
  public static final int FAILURE_REPLACEMENTS_DEFAULT = 3;

  public static final String FAILURE_WINDOW_CONFIG = PREFIX + "failure.window.ms";
  private static final String FAILURE_WINDOW_DOC =
      "The window in which leadstream.failure.thread.replacements are counted.";
  public static final long FAILURE_WINDOW_DEFAULT = 10 * 60_000L;

  public static final String HEALTH_PROBE_INTERVAL_CONFIG = PREFIX + "health.probe.interval.ms";
  private static final String HEALTH_PROBE_INTERVAL_DOC =
      "How often readiness' probes run in the background: the serving bundle scores "
          + "the canary leads, and the cluster answers for the group's offsets (within this time, else the broker counts as unreachable).";
  public static final long HEALTH_PROBE_INTERVAL_DEFAULT = 5_000L;

  public static final String HEALTH_PROGRESS_TIMEOUT_CONFIG = PREFIX + "health.progress.timeout.ms";
  private static final String HEALTH_PROGRESS_TIMEOUT_DOC =
      "/health/progress answers 503 when an input partition of this instance has "
          + "lag and no commit for this long, or Kafka Streams has not been RUNNING for this long.";
  public static final long HEALTH_PROGRESS_TIMEOUT_DEFAULT = 60_000L;

  public static final String STATIC_MEMBERSHIP_CONFIG = PREFIX + "static.membership";
  private static final String STATIC_MEMBERSHIP_DOC =
      "Give this instance a stable group.instance.id, kept in its state directory "
          + "(made on first start), so that after a crash it takes its partitions back at once instead of the group waiting "
          + "a session time-out for the dead member. Ignored when group.instance.id is set. Needs a state directory that "
          + "survives restarts and is not shared.";
  public static final boolean STATIC_MEMBERSHIP_DEFAULT = true;

  public static final String TOPIC_PARTITIONS_CONFIG = PREFIX + "topic.partitions";
  private static final String TOPIC_PARTITIONS_DOC =
      "Partitions of the topics LeadStream creates when they are missing; -1 takes the broker's default. More partitions allow more instances.";
  public static final int TOPIC_PARTITIONS_DEFAULT = -1;

  public static final String TOPIC_REPLICATION_CONFIG = PREFIX + "topic.replication.factor";
  private static final String TOPIC_REPLICATION_DOC =
      "Replication factor of the topics LeadStream creates when they are missing; -1 takes the broker's default.";
  public static final int TOPIC_REPLICATION_DEFAULT = -1;

  private static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(
              TOPIC_RAW_CONFIG,
              Type.STRING,
              TOPIC_RAW_DEFAULT,
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              TOPIC_RAW_DOC,
              TOPICS_GROUP,
              1,
              ConfigDef.Width.MEDIUM,
              "raw leads topic")
          .define(
              TOPIC_PRIORITIZED_CONFIG,
              Type.STRING,
              TOPIC_PRIORITIZED_DEFAULT,
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              TOPIC_PRIORITIZED_DOC,
              TOPICS_GROUP,
              2,
              ConfigDef.Width.MEDIUM,
              "prioritized topic")
          .define(
              TOPIC_HOT_CONFIG,
              Type.STRING,
              TOPIC_HOT_DEFAULT,
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              TOPIC_HOT_DOC,
              TOPICS_GROUP,
              3,
              ConfigDef.Width.MEDIUM,
              "hot topic")
          .define(
              TOPIC_DLQ_CONFIG,
              Type.STRING,
              TOPIC_DLQ_DEFAULT,
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              TOPIC_DLQ_DOC,
              TOPICS_GROUP,
              4,
              ConfigDef.Width.MEDIUM,
              "dead-letter topic")
          .define(
              TOPIC_OUTCOMES_CONFIG,
              Type.STRING,
              TOPIC_OUTCOMES_DEFAULT,
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              TOPIC_OUTCOMES_DOC,
              TOPICS_GROUP,
              7,
              ConfigDef.Width.MEDIUM,
              "outcomes topic")
          .define(
              TOPIC_LABELLED_CONFIG,
              Type.STRING,
              TOPIC_LABELLED_DEFAULT,
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              TOPIC_LABELLED_DOC,
              TOPICS_GROUP,
              8,
              ConfigDef.Width.MEDIUM,
              "labelled topic")
          .define(
              LABELS_HORIZON_CONFIG,
              Type.LONG,
              LABELS_HORIZON_DEFAULT,
              Range.atLeast(0),
              Importance.MEDIUM,
              LABELS_HORIZON_DOC,
              LABELS_GROUP,
              1,
              ConfigDef.Width.SHORT,
              "label horizon")
          .define(
              LABELS_HISTORY_EVENTS_CONFIG,
              Type.INT,
              LABELS_HISTORY_EVENTS_DEFAULT,
              Range.between(1, 1000),
              Importance.LOW,
              LABELS_HISTORY_EVENTS_DOC,
              LABELS_GROUP,
              2,
              ConfigDef.Width.SHORT,
              "history events")
          .define(
              TOPIC_PARTITIONS_CONFIG,
              Type.INT,
              TOPIC_PARTITIONS_DEFAULT,
              Range.between(-1, 10_000),
              Importance.MEDIUM,
              TOPIC_PARTITIONS_DOC,
              TOPICS_GROUP,
              5,
              ConfigDef.Width.SHORT,
              "partitions")
          .define(
              TOPIC_REPLICATION_CONFIG,
              Type.INT,
              TOPIC_REPLICATION_DEFAULT,
              Range.between(-1, 100),
              Importance.MEDIUM,
              TOPIC_REPLICATION_DOC,
              TOPICS_GROUP,
              6,
              ConfigDef.Width.SHORT,
              "replication factor")
          .define(
              EVALUATION_INTERVAL_CONFIG,
              Type.LONG,
              EVALUATION_INTERVAL_DEFAULT,
              Range.atLeast(0),
              Importance.MEDIUM,
              EVALUATION_INTERVAL_DOC,
              EVALUATION_GROUP,
              1,
              ConfigDef.Width.SHORT,
              "evaluation interval")
          .define(
              EVALUATION_WINDOW_CONFIG,
              Type.STRING,
              EVALUATION_WINDOW_DEFAULT,
              (name, value) -> positiveDuration(name, value),
              Importance.MEDIUM,
              EVALUATION_WINDOW_DOC,
              EVALUATION_GROUP,
              2,
              ConfigDef.Width.SHORT,
              "evaluation window")
          .define(
              EVALUATION_AUC_MARGIN_CONFIG,
              Type.DOUBLE,
              EVALUATION_AUC_MARGIN_DEFAULT,
              Range.between(0, 1),
              Importance.MEDIUM,
              EVALUATION_AUC_MARGIN_DOC,
              EVALUATION_GROUP,
              3,
              ConfigDef.Width.SHORT,
              "AUC margin")
          .define(
              EVALUATION_CALIBRATION_MARGIN_CONFIG,
              Type.DOUBLE,
              EVALUATION_CALIBRATION_MARGIN_DEFAULT,
              Range.between(0, 1),
              Importance.MEDIUM,
              EVALUATION_CALIBRATION_MARGIN_DOC,
              EVALUATION_GROUP,
              4,
              ConfigDef.Width.SHORT,
              "calibration margin")
          .define(
              EVALUATION_DRIFT_THRESHOLD_CONFIG,
              Type.DOUBLE,
              EVALUATION_DRIFT_THRESHOLD_DEFAULT,
              Range.atLeast(0),
              Importance.MEDIUM,
              EVALUATION_DRIFT_THRESHOLD_DOC,
              EVALUATION_GROUP,
              5,
              ConfigDef.Width.SHORT,
              "drift threshold")
          .define(
              MODEL_BUNDLE_CONFIG,
              Type.STRING,
              MODEL_BUNDLE_DEFAULT,
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              MODEL_BUNDLE_DOC,
              MODEL_GROUP,
              1,
              ConfigDef.Width.LONG,
              "model bundle")
          .define(
              MODEL_RELOAD_INTERVAL_CONFIG,
              Type.LONG,
              MODEL_RELOAD_INTERVAL_DEFAULT,
              Range.atLeast(0),
              Importance.MEDIUM,
              MODEL_RELOAD_INTERVAL_DOC,
              MODEL_GROUP,
              3,
              ConfigDef.Width.SHORT,
              "model reload interval")
          .define(
              ENCODER_THREADS_CONFIG,
              Type.INT,
              ENCODER_THREADS_DEFAULT,
              Range.between(0, 256),
              Importance.MEDIUM,
              ENCODER_THREADS_DOC,
              MODEL_GROUP,
              2,
              ConfigDef.Width.SHORT,
              "encoder threads")
          .define(
              ENCODER_GRAPH_FUSION_CONFIG,
              Type.BOOLEAN,
              ENCODER_GRAPH_FUSION_DEFAULT,
              Importance.LOW,
              ENCODER_GRAPH_FUSION_DOC,
              MODEL_GROUP,
              2,
              ConfigDef.Width.SHORT,
              "encoder graph fusion")
          .define(
              INFERENCE_BATCH_MAX_CONFIG,
              Type.INT,
              INFERENCE_BATCH_MAX_DEFAULT,
              Range.between(0, 1024),
              Importance.MEDIUM,
              INFERENCE_BATCH_MAX_DOC,
              MODEL_GROUP,
              3,
              ConfigDef.Width.SHORT,
              "inference batch")
          .define(
              INFERENCE_LINGER_MS_CONFIG,
              Type.LONG,
              INFERENCE_LINGER_MS_DEFAULT,
              Range.between(1L, 60_000L),
              Importance.LOW,
              INFERENCE_LINGER_MS_DOC,
              MODEL_GROUP,
              4,
              ConfigDef.Width.SHORT,
              "inference linger")
          .define(
              STATE_STORES_CONFIG,
              Type.STRING,
              STATE_STORES_DEFAULT,
              ConfigDef.CaseInsensitiveValidString.in("rocksdb", "in_memory"),
              Importance.MEDIUM,
              STATE_STORES_DOC,
              STATE_GROUP,
              1,
              ConfigDef.Width.SHORT,
              "state stores")
          .define(
              TEXT_MEMO_ENTRIES_CONFIG,
              Type.INT,
              TEXT_MEMO_ENTRIES_DEFAULT,
              Range.atLeast(1),
              Importance.LOW,
              TEXT_MEMO_ENTRIES_DOC,
              STATE_GROUP,
              2,
              ConfigDef.Width.SHORT,
              "text memo entries")
          .define(
              FAILURE_REPLACEMENTS_CONFIG,
              Type.INT,
              FAILURE_REPLACEMENTS_DEFAULT,
              Range.between(0, 1000),
              Importance.MEDIUM,
              FAILURE_REPLACEMENTS_DOC,
              OPS_GROUP,
              6,
              ConfigDef.Width.SHORT,
              "thread replacements")
          .define(
              FAILURE_WINDOW_CONFIG,
              Type.LONG,
              FAILURE_WINDOW_DEFAULT,
              Range.atLeast(1000),
              Importance.LOW,
              FAILURE_WINDOW_DOC,
              OPS_GROUP,
              7,
              ConfigDef.Width.SHORT,
              "failure window")
          .define(
              HEALTH_PROBE_INTERVAL_CONFIG,
              Type.LONG,
              HEALTH_PROBE_INTERVAL_DEFAULT,
              Range.atLeast(100),
              Importance.LOW,
              HEALTH_PROBE_INTERVAL_DOC,
              OPS_GROUP,
              8,
              ConfigDef.Width.SHORT,
              "health probe interval")
          .define(
              HEALTH_PROGRESS_TIMEOUT_CONFIG,
              Type.LONG,
              HEALTH_PROGRESS_TIMEOUT_DEFAULT,
              Range.atLeast(1000),
              Importance.MEDIUM,
              HEALTH_PROGRESS_TIMEOUT_DOC,
              OPS_GROUP,
              9,
              ConfigDef.Width.SHORT,
              "progress timeout")
          .define(
              STATIC_MEMBERSHIP_CONFIG,
              Type.BOOLEAN,
              STATIC_MEMBERSHIP_DEFAULT,
              Importance.MEDIUM,
              STATIC_MEMBERSHIP_DOC,
              STATE_GROUP,
              3,
              ConfigDef.Width.SHORT,
              "static membership")
          .define(
              HTTP_HOST_CONFIG,
              Type.STRING,
              HTTP_HOST_DEFAULT,
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              HTTP_HOST_DOC,
              OPS_GROUP,
              1,
              ConfigDef.Width.MEDIUM,
              "ops host")
          .define(
              HTTP_PORT_CONFIG,
              Type.INT,
              HTTP_PORT_DEFAULT,
              Range.between(-1, 65535),
              Importance.MEDIUM,
              HTTP_PORT_DOC,
              OPS_GROUP,
              2,
              ConfigDef.Width.SHORT,
              "ops port")
          .define(
              HTTP_ADVERTISED_HOST_CONFIG,
              Type.STRING,
              null,
              Importance.MEDIUM,
              HTTP_ADVERTISED_HOST_DOC,
              OPS_GROUP,
              4,
              ConfigDef.Width.MEDIUM,
              "advertised host")
          .define(
              HTTP_TOKEN_CONFIG,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              HTTP_TOKEN_DOC,
              OPS_GROUP,
              5,
              ConfigDef.Width.MEDIUM,
              "lead query token")
          .define(
              METRICS_REFRESH_CONFIG,
              Type.LONG,
              METRICS_REFRESH_DEFAULT,
              Range.atLeast(100),
              Importance.LOW,
              METRICS_REFRESH_DOC,
              OPS_GROUP,
              3,
              ConfigDef.Width.SHORT,
              "metrics refresh")
          .define(
              TEXT_MAX_BYTES_CONFIG,
              Type.INT,
              TEXT_MAX_BYTES_DEFAULT,
              Range.between(64, 1024 * 1024),
              Importance.MEDIUM,
              TEXT_MAX_BYTES_DOC,
              VALIDATION_GROUP,
              1,
              ConfigDef.Width.SHORT,
              "max text bytes")
          .define(
              RECORD_MAX_BYTES_CONFIG,
              Type.INT,
              RECORD_MAX_BYTES_DEFAULT,
              Range.between(1024, 64 * 1024 * 1024),
              Importance.MEDIUM,
              RECORD_MAX_BYTES_DOC,
              VALIDATION_GROUP,
              2,
              ConfigDef.Width.SHORT,
              "max record bytes")
          .define(
              INPUT_SCHEMAS_CONFIG,
              Type.STRING,
              INPUT_SCHEMAS_DEFAULT,
              Importance.MEDIUM,
              INPUT_SCHEMAS_DOC,
              VALIDATION_GROUP,
              3,
              ConfigDef.Width.LONG,
              "writer schemas")
          .define(
              INPUT_FORMAT_CONFIG,
              Type.STRING,
              INPUT_FORMAT_DEFAULT,
              ConfigDef.CaseInsensitiveValidString.in("avro", "json", "confluent-avro"),
              Importance.HIGH,
              INPUT_FORMAT_DOC,
              VALIDATION_GROUP,
              4,
              ConfigDef.Width.SHORT,
              "input format")
          .define(
              INPUT_MAPPING_CONFIG,
              Type.STRING,
              INPUT_MAPPING_DEFAULT,
              Importance.HIGH,
              INPUT_MAPPING_DOC,
              VALIDATION_GROUP,
              5,
              ConfigDef.Width.LONG,
              "input mapping")
          .define(
              INPUT_OUTCOMES_MAPPING_CONFIG,
              Type.STRING,
              "",
              Importance.MEDIUM,
              INPUT_OUTCOMES_MAPPING_DOC,
              VALIDATION_GROUP,
              5,
              ConfigDef.Width.LONG,
              "input outcome mapping")
          .define(
              OUTPUT_FORMAT_CONFIG,
              Type.STRING,
              OUTPUT_FORMAT_DEFAULT,
              ConfigDef.CaseInsensitiveValidString.in("avro", "confluent-avro"),
              Importance.HIGH,
              OUTPUT_FORMAT_DOC,
              VALIDATION_GROUP,
              6,
              ConfigDef.Width.SHORT,
              "output format")
          .define(
              REGISTRY_URL_CONFIG,
              Type.STRING,
              REGISTRY_URL_DEFAULT,
              Importance.HIGH,
              REGISTRY_URL_DOC,
              VALIDATION_GROUP,
              7,
              ConfigDef.Width.LONG,
              "schema registry")
          .define(
              REGISTRY_BASIC_AUTH_CONFIG,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              REGISTRY_BASIC_AUTH_DOC,
              VALIDATION_GROUP,
              8,
              ConfigDef.Width.MEDIUM,
              "schema registry basic auth")
          .define(
              REGISTRY_BEARER_TOKEN_CONFIG,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              REGISTRY_BEARER_TOKEN_DOC,
              VALIDATION_GROUP,
              9,
              ConfigDef.Width.MEDIUM,
              "schema registry token")
          .define(
              REGISTRY_RETRY_CONFIG,
              Type.LONG,
              REGISTRY_RETRY_DEFAULT,
              Range.between(0, 600_000),
              Importance.LOW,
              REGISTRY_RETRY_DOC,
              VALIDATION_GROUP,
              10,
              ConfigDef.Width.SHORT,
              "schema registry retry");

  /** Changelog segments small enough to roll, so the log cleaner can compact them. */
  private static final int CHANGELOG_SEGMENT_BYTES_DEFAULT = 16 * 1024 * 1024;

  /**
   * Kafka Streams settings LeadStream sets unless the user sets them. One stream thread per core:
   * inference is CPU-bound and each thread runs its own predictor. A 10 s session time-out (Kafka's
   * default is 45 s) bounds how long the group waits for a member that died without leaving it: a
   * killed instance, or a failed stream thread before its replacement joins. Kafka 4.4's
   * transactional state stores ({@code enable.transactional.statestores}) are on (Streams leaves
   * them off): after a kill -9 the stores keep what they had flushed and only the changelogs' tail
   * is restored, not every record (docs/architecture.md, "After a crash"); LeadStream's RocksDB
   * stores guard the uncommitted-bytes gauge that crashed a JVM here. The lead queries read
   * committed state only (Streams reads the transaction buffer too), so they never show a score a
   * crash would abort. The state is kept small: changelogs compressed by the broker and compacted,
   * RocksDB blocks compressed (docs/architecture.md, "State"). The commit interval stays Streams'
   * own, 100 ms under exactly-once: an output is visible when its transaction commits, and 200 ms
   * kept the batched p99 over 300 ms in {@code bench} (docs/benchmarks.md, "Session 28").
   */
  private static final Map<String, Object> STREAMS_DEFAULTS =
      Map.ofEntries(
          Map.entry(
              StreamsConfig.NUM_STREAM_THREADS_CONFIG, Runtime.getRuntime().availableProcessors()),
          Map.entry(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000),
          Map.entry(
              StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000),
          Map.entry(StreamsConfig.APPLICATION_ID_CONFIG, "leadstream"),
          Map.entry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2),
          Map.entry(
              StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
              "io.leadstream.app.streams.errors.DeadLetterHandler"),
          Map.entry(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true),
          Map.entry(
              StreamsConfig.DEFAULT_INTERACTIVE_QUERY_ISOLATION_LEVEL_CONFIG,
              IsolationLevel.READ_COMMITTED.name()),
          // the changelogs Streams creates: compressed by the broker (the outputs stay as written,
          // for consumers without lz4), LZ4 for its cheap decompression on restore, in segments
          // that roll and so are compacted
          Map.entry(StreamsConfig.topicPrefix(TopicConfig.COMPRESSION_TYPE_CONFIG), "lz4"),
          Map.entry(
              StreamsConfig.topicPrefix(TopicConfig.SEGMENT_BYTES_CONFIG),
              CHANGELOG_SEGMENT_BYTES_DEFAULT),
          Map.entry(
              StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
              "io.leadstream.app.streams.state.CompressedRocksDb"));

  /**
   * @throws ConfigException when a setting is invalid, or the input settings do not fit together:
   *     json needs a mapping, a mapping and writer schemas each belong to one format
   */
  public LeadStreamConfig(Map<String, ?> props) {
    super(CONFIG_DEF, props, false);
    checkInput();
  }

  private void checkInput() {
    String mapping = getString(INPUT_MAPPING_CONFIG);
    if (inputFormat() == InputFormat.JSON && mapping.isBlank()) {
      throw new ConfigException(
          INPUT_MAPPING_CONFIG
              + " is required with "
              + INPUT_FORMAT_CONFIG
              + "=json: the mapping file (as for train --mapping) that reads the CRM's JSON events");
    }
    if (inputFormat() != InputFormat.JSON && !mapping.isBlank()) {
      throw new ConfigException(
          INPUT_MAPPING_CONFIG
              + " is read with "
              + INPUT_FORMAT_CONFIG
              + "=json only; set that too, or leave the mapping out for Avro input");
    }
    if (inputFormat() != InputFormat.JSON && inputOutcomesMapping().isPresent()) {
      throw new ConfigException(
          INPUT_OUTCOMES_MAPPING_CONFIG
              + " is read with "
              + INPUT_FORMAT_CONFIG
              + "=json only; outcomes are read in the input format of the leads");
    }
    boolean registryFormat =
        inputFormat() == InputFormat.CONFLUENT_AVRO
            || outputFormat() == OutputFormat.CONFLUENT_AVRO;
    if (registryFormat && getString(REGISTRY_URL_CONFIG).isBlank()) {
      throw new ConfigException(
          REGISTRY_URL_CONFIG
              + " is required with the confluent-avro format ("
              + INPUT_FORMAT_CONFIG
              + "="
              + getString(INPUT_FORMAT_CONFIG)
              + ", "
              + OUTPUT_FORMAT_CONFIG
              + "="
              + getString(OUTPUT_FORMAT_CONFIG)
              + "): the registry that holds the writer schemas");
    }
    try {
      schemaRegistry();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(REGISTRY_URL_CONFIG + ": " + e.getMessage());
    }
    if (inputFormat() != InputFormat.AVRO && inputSchemas().isPresent()) {
      throw new ConfigException(
          INPUT_SCHEMAS_CONFIG
              + " names further writer schemas of single-object Avro, which "
              + INPUT_FORMAT_CONFIG
              + "="
              + getString(INPUT_FORMAT_CONFIG)
              + " does not read; leave it out");
    }
  }

  private static void positiveDuration(String name, Object value) {
    Duration duration;
    try {
      duration = Duration.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          name, value, "not an ISO-8601 duration such as P30D or PT12H: " + e.getMessage());
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new ConfigException(name, value, "must be positive");
    }
  }

  /** Logs LeadStream's effective settings once at start; Kafka's own clients log theirs. */
  public void logSettings() {
    LoggerFactory.getLogger(LeadStreamConfig.class).info("LeadStream settings: {}", values());
  }

  public static ConfigDef configDef() {
    return CONFIG_DEF;
  }

  public String rawTopic() {
    return getString(TOPIC_RAW_CONFIG);
  }

  public String prioritizedTopic() {
    return getString(TOPIC_PRIORITIZED_CONFIG);
  }

  public String hotTopic() {
    return getString(TOPIC_HOT_CONFIG);
  }

  public String deadLetterTopic() {
    return getString(TOPIC_DLQ_CONFIG);
  }

  public String outcomesTopic() {
    return getString(TOPIC_OUTCOMES_CONFIG);
  }

  /** The topics LeadStream consumes, whose lag and progress ops watch: raw leads, outcomes. */
  public List<String> inputTopics() {
    return List.of(rawTopic(), outcomesTopic());
  }

  public String labelledTopic() {
    return getString(TOPIC_LABELLED_CONFIG);
  }

  public Duration labelsHorizon() {
    return Duration.ofMillis(getLong(LABELS_HORIZON_CONFIG));
  }

  public int labelsHistoryEvents() {
    return getInt(LABELS_HISTORY_EVENTS_CONFIG);
  }

  /**
   * A topic's own settings given as {@code leadstream.topic.<role>.config.<setting>}, for the
   * topics LeadStream creates and checks; {@code role} is raw, prioritized, hot, dlq, outcomes or
   * labelled.
   */
  public Map<String, String> topicConfigs(String role) {
    Map<String, String> configs = new TreeMap<>();
    originalsWithPrefix(PREFIX + "topic." + role + ".config.")
        .forEach((key, value) -> configs.put(key, String.valueOf(value)));
    return configs;
  }

  public int topicPartitions() {
    return getInt(TOPIC_PARTITIONS_CONFIG);
  }

  public short topicReplicationFactor() {
    return getInt(TOPIC_REPLICATION_CONFIG).shortValue();
  }

  /** How often live evaluation runs; empty when it is off. */
  public Optional<Duration> evaluationInterval() {
    long millis = getLong(EVALUATION_INTERVAL_CONFIG);
    return millis == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
  }

  /** The rolling window of outcome times that live evaluation covers. */
  public Duration evaluationWindow() {
    return Duration.parse(getString(EVALUATION_WINDOW_CONFIG));
  }

  public double evaluationAucMargin() {
    return getDouble(EVALUATION_AUC_MARGIN_CONFIG);
  }

  public double evaluationCalibrationMargin() {
    return getDouble(EVALUATION_CALIBRATION_MARGIN_CONFIG);
  }

  public double evaluationDriftThreshold() {
    return getDouble(EVALUATION_DRIFT_THRESHOLD_CONFIG);
  }

  public String modelBundle() {
    return getString(MODEL_BUNDLE_CONFIG);
  }

  /**
   * The interval at which the bundle folder is checked; empty when reloading is off or the bundle
   * is on the class path.
   */
  public Optional<Duration> modelReloadInterval() {
    long millis = getLong(MODEL_RELOAD_INTERVAL_CONFIG);
    return millis == 0 || modelBundle().startsWith("classpath:")
        ? Optional.empty()
        : Optional.of(Duration.ofMillis(millis));
  }

  public int encoderIntraOpThreads() {
    return getInt(ENCODER_THREADS_CONFIG);
  }

  public boolean encoderGraphFusion() {
    return getBoolean(ENCODER_GRAPH_FUSION_CONFIG);
  }

  /** The batch setting; 0 means chosen from the encoder ({@code InferenceBatch}). */
  public int inferenceBatchMax() {
    return getInt(INFERENCE_BATCH_MAX_CONFIG);
  }

  public Duration inferenceLinger() {
    return Duration.ofMillis(getLong(INFERENCE_LINGER_MS_CONFIG));
  }

  /** Stream threads this instance runs (LeadStream's default: one per core). */
  public int streamThreads() {
    return Integer.parseInt(
        streamsProperties().get(StreamsConfig.NUM_STREAM_THREADS_CONFIG).toString());
  }

  public LeadStores stateStores() {
    return LeadStores.valueOf(getString(STATE_STORES_CONFIG).toUpperCase(Locale.ROOT));
  }

  public int textMemoEntries() {
    return getInt(TEXT_MEMO_ENTRIES_CONFIG);
  }

  public String httpHost() {
    return getString(HTTP_HOST_CONFIG);
  }

  public int httpPort() {
    return getInt(HTTP_PORT_CONFIG);
  }

  /** Host other instances reach this one at. */
  public String httpAdvertisedHost() {
    String advertised = getString(HTTP_ADVERTISED_HOST_CONFIG);
    if (advertised != null && !advertised.isBlank()) {
      return advertised;
    }
    if (!"0.0.0.0".equals(httpHost())) {
      return httpHost();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new ConfigException(
          HTTP_ADVERTISED_HOST_CONFIG,
          null,
          "cannot tell this machine's name; set " + HTTP_ADVERTISED_HOST_CONFIG);
    }
  }

  /** The bearer token of the lead queries, or null. */
  public String httpToken() {
    Password token = getPassword(HTTP_TOKEN_CONFIG);
    return token == null ? null : token.value();
  }

  public Duration metricsRefresh() {
    return Duration.ofMillis(getLong(METRICS_REFRESH_CONFIG));
  }

  public int textMaxBytes() {
    return getInt(TEXT_MAX_BYTES_CONFIG);
  }

  public int failureThreadReplacements() {
    return getInt(FAILURE_REPLACEMENTS_CONFIG);
  }

  public Duration failureWindow() {
    return Duration.ofMillis(getLong(FAILURE_WINDOW_CONFIG));
  }

  public Duration healthProbeInterval() {
    return Duration.ofMillis(getLong(HEALTH_PROBE_INTERVAL_CONFIG));
  }

  public Duration healthProgressTimeout() {
    return Duration.ofMillis(getLong(HEALTH_PROGRESS_TIMEOUT_CONFIG));
  }

  /** The Kafka Streams application.id, which is also the consumer group's id. */
  public String applicationId() {
    return streamsProperties().get(StreamsConfig.APPLICATION_ID_CONFIG).toString();
  }

  public boolean staticMembership() {
    return getBoolean(STATIC_MEMBERSHIP_CONFIG);
  }

  /**
   * Where this instance's Kafka Streams state lives: state.dir (or Streams' default) /
   * application.id.
   */
  public Path applicationStateDir() {
    Object stateDir = streamsProperties().get(StreamsConfig.STATE_DIR_CONFIG);
    Path base =
        stateDir == null
            ? Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams")
            : Path.of(stateDir.toString());
    return base.resolve(applicationId());
  }

  /** The folder of further LeadEvent writer schemas, if one is configured. */
  public Optional<Path> inputSchemas() {
    String folder = getString(INPUT_SCHEMAS_CONFIG);
    return folder.isBlank() ? Optional.empty() : Optional.of(Path.of(folder));
  }

  public int recordMaxBytes() {
    return getInt(RECORD_MAX_BYTES_CONFIG);
  }

  public InputFormat inputFormat() {
    return InputFormat.of(getString(INPUT_FORMAT_CONFIG));
  }

  public OutputFormat outputFormat() {
    return OutputFormat.valueOf(enumName(getString(OUTPUT_FORMAT_CONFIG)));
  }

  /** {@code confluent-avro} is {@code CONFLUENT_AVRO}. */
  private static String enumName(String setting) {
    return setting.strip().toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** {@code CONFLUENT_AVRO} is {@code confluent-avro}. */
  private static String settingName(Enum<?> format) {
    return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The schema registry, when one is configured. */
  public Optional<RegistrySettings> schemaRegistry() {
    String url = getString(REGISTRY_URL_CONFIG);
    if (url.isBlank()) {
      return Optional.empty();
    }
    RegistrySettings settings =
        RegistrySettings.of(url.strip())
            .withRetryFor(Duration.ofMillis(getLong(REGISTRY_RETRY_CONFIG)));
    Password basicAuth = getPassword(REGISTRY_BASIC_AUTH_CONFIG);
    Password token = getPassword(REGISTRY_BEARER_TOKEN_CONFIG);
    if (basicAuth != null) {
      settings = settings.withBasicAuth(basicAuth.value());
    }
    if (token != null) {
      settings = settings.withBearerToken(token.value());
    }
    return Optional.of(settings);
  }

  /** The mapping of JSON input; empty for Avro input. */
  public Optional<Path> inputMapping() {
    String file = getString(INPUT_MAPPING_CONFIG);
    return file.isBlank() ? Optional.empty() : Optional.of(Path.of(file));
  }

  /**
   * The mapping of JSON outcomes; empty for outcomes in single-object Avro (the default with json
   * input) or in the input format of the leads.
   */
  public Optional<Path> inputOutcomesMapping() {
    String file = getString(INPUT_OUTCOMES_MAPPING_CONFIG);
    return file.isBlank() ? Optional.empty() : Optional.of(Path.of(file));
  }

  /**
   * The properties to start Kafka Streams with: LeadStream's defaults, then every key the user gave
   * (Kafka client settings such as security.protocol or sasl.jaas.config included). The {@code
   * leadstream.} keys stay in, so that handlers configured by Streams can read them.
   */
  public Map<String, Object> streamsProperties() {
    Map<String, Object> props = new HashMap<>(STREAMS_DEFAULTS);
    props.putAll(originals());
    return props;
  }

  /**
   * The user's Kafka client settings (bootstrap servers, security, SASL, SSL, ...) without
   * LeadStream's and Streams' own keys, for the admin, producer and consumer clients that the CLI
   * commands open beside Streams.
   */
  public Map<String, Object> clientProperties() {
    Set<String> clientKeys = new HashSet<>(AdminClientConfig.configNames());
    clientKeys.addAll(ProducerConfig.configNames());
    clientKeys.addAll(ConsumerConfig.configNames());
    Map<String, Object> props = new HashMap<>();
    originals()
        .forEach(
            (key, value) -> {
              if (clientKeys.contains(key)) {
                props.put(key, value);
              }
            });
    return props;
  }
}
