package io.leadstream.app.metrics;

import io.leadstream.models.bundle.StageTimer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * LeadStream's own meters: per-stage latency, end-to-end latency, dead letters by reason and input
 * topic, leads per tier, outcomes labelled and unmatched (all four counted once committed, see
 * {@link CommittedOutcomes}), inferences skipped, unknown-token ratio. Thread-safe; shared by every
 * processor. In Prometheus they read {@code leadstream_stage_seconds{stage="encode"}}, {@code
 * leadstream_dead_letters_total{reason="INVALID_FIELD",topic="leads.raw"}} and so on.
 */
public final class PipelineMetrics {

  /**
   * Key under which the app hands this object to Kafka Streams' configured plugins (the dead-letter
   * handler) through the Streams configuration.
   */
  public static final String CONFIG_KEY = "leadstream.internal.metrics";

  /**
   * Stages timed per record: decode (Avro decoding and validation) and track here; tokenize,
   * encode, head and score reported by the models through {@link #stageTimer()}.
   */
  public static final String STAGE_DECODE = "decode";

  public static final String STAGE_TRACK = "track";

  private final MeterRegistry registry;
  private final Counter textReused;
  private final DistributionSummary unknownTokenRatio;
  private final Counter unreadableText;
  private final DistributionSummary inferenceBatch;
  private final Timer endToEnd;
  // Meters by tag value, so the per-record path does a map lookup instead of building a meter
  private final Map<String, Timer> stages = new ConcurrentHashMap<>();

  private record DeadLetterKind(String topic, String reason) {}

  private final Map<DeadLetterKind, Counter> deadLetters = new ConcurrentHashMap<>();
  private final Map<String, Counter> tiers = new ConcurrentHashMap<>();
  private final Map<Integer, Counter> labelled = new ConcurrentHashMap<>();
  private final Map<String, Counter> unmatched = new ConcurrentHashMap<>();
  private final CommittedOutcomes outcomes =
      new CommittedOutcomes(Duration.ofMinutes(1), System::nanoTime);

  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.textReused =
        Counter.builder("leadstream.text.inference.skipped")
            .description("Events whose text had not changed, so the encoder did not run")
            .register(registry);
    this.unknownTokenRatio =
        DistributionSummary.builder("leadstream.text.unknown.token.ratio")
            .description("Share of a text's tokens the encoder's vocabulary does not know")
            .publishPercentileHistogram()
            .minimumExpectedValue(0.001)
            .maximumExpectedValue(1.0)
            .register(registry);
    this.inferenceBatch =
        DistributionSummary.builder("leadstream.inference.batch.texts")
            .description(
                "Texts read in one call of the read-text step (at most the records it holds:"
                    + " leadstream.inference.batch.max, or chosen from the encoder; records whose"
                    + " reading is reused are not counted)")
            .register(registry);
    this.unreadableText =
        Counter.builder("leadstream.text.unreadable")
            .description(
                "Texts not read because the encoder's vocabulary misses too many of their"
                    + " tokens (p(opportunity) fell back to the prior)")
            .register(registry);
    this.endToEnd =
        Timer.builder("leadstream.end.to.end")
            .description(
                "From the input record's timestamp to the scored event being handed to the producer")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(registry);
  }

  /** Meters kept in memory only, for tests and tools that do not export them. */
  public static PipelineMetrics inMemory() {
    return new PipelineMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Starts timing one record through a stage; stop the sample with {@link #stop(Timer.Sample,
   * String)}.
   */
  public Timer.Sample start() {
    return Timer.start(registry);
  }

  public void stop(Timer.Sample sample, String stage) {
    sample.stop(stage(stage));
  }

  /**
   * Receives the model stages' timings (tokenize, encode, head, score) into the same histograms.
   */
  public StageTimer stageTimer() {
    return (stage, nanos) -> stage(stage).record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer stage(String stage) {
    return stages.computeIfAbsent(
        stage,
        name ->
            Timer.builder("leadstream.stage")
                .description("Time one record spends in a pipeline stage")
                .tag("stage", name)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry));
  }

  /**
   * A dead letter for the input record at topic-partition@offset; counted once that offset commits.
   */
  public void deadLetter(String topic, int partition, long offset, String reason) {
    outcomes.record(
        topic,
        partition,
        offset,
        deadLetters.computeIfAbsent(
            new DeadLetterKind(topic, reason),
            kind ->
                Counter.builder("leadstream.dead.letters")
                    .description(
                        "Records sent to the dead-letter topic and committed, by reason and"
                            + " input topic")
                    .tag("reason", kind.reason())
                    .tag("topic", kind.topic())
                    .register(registry)));
  }

  /**
   * A scored lead for the input record at topic-partition@offset; counted once that offset commits.
   */
  public void scored(String topic, int partition, long offset, String tier) {
    outcomes.record(
        topic,
        partition,
        offset,
        tiers.computeIfAbsent(
            tier,
            name ->
                Counter.builder("leadstream.leads.scored")
                    .description("Scored lead events committed, by tier")
                    .tag("tier", name)
                    .register(registry)));
  }

  /**
   * An outcome joined with its lead's event, for the input record {@code source}; counted once its
   * offset commits.
   */
  public void labelled(Optional<RecordMetadata> source, int label) {
    record(
        source,
        labelled.computeIfAbsent(
            label,
            value ->
                Counter.builder("leadstream.outcomes.labelled")
                    .description("Outcomes labelled with their lead's event and score, by label")
                    .tag("label", Integer.toString(value))
                    .register(registry)));
  }

  /**
   * An outcome written without features, for the input record {@code source}; counted once its
   * offset commits.
   *
   * @param why unknown_lead, or no_event_before_horizon
   */
  public void unmatched(Optional<RecordMetadata> source, String why) {
    record(
        source,
        unmatched.computeIfAbsent(
            why,
            name ->
                Counter.builder("leadstream.outcomes.unmatched")
                    .description(
                        "Outcomes kept without features: no event of the lead before the horizon")
                    .tag("why", name)
                    .register(registry)));
  }

  private void record(Optional<RecordMetadata> source, Counter counter) {
    source.ifPresentOrElse(
        s -> outcomes.record(s.topic(), s.partition(), s.offset(), counter),
        () -> outcomes.record("", -1, -1, counter));
  }

  /** Outcomes waiting for their input offsets to commit; the app feeds it the committed offsets. */
  public CommittedOutcomes outcomes() {
    return outcomes;
  }

  /** One call of the read-text step read this many texts. */
  public void inferenceBatch(int texts) {
    inferenceBatch.record(texts);
  }

  /** Texts read per call of the read-text step, as {@link #inferenceBatch(int)} records them. */
  public DistributionSummary inferenceBatches() {
    return inferenceBatch;
  }

  public void textReused() {
    textReused.increment();
  }

  /** Records a text's unknown-token ratio and counts it when the text was not readable. */
  public void unknownTokenRatio(double ratio, boolean readable) {
    unknownTokenRatio.record(ratio);
    if (!readable) {
      unreadableText.increment();
    }
  }

  public void endToEnd(long millis) {
    endToEnd.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }
}
