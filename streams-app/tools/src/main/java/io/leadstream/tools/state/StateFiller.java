package io.leadstream.tools.state;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.streams.LeadStreamTopology;
import io.leadstream.app.streams.processors.ScoredLead;
import io.leadstream.app.streams.processors.TrackLeadProcessor;
import io.leadstream.app.streams.state.LeadHistory;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A Kafka Streams app with the pipeline's application.id that writes the pipeline's state for
 * events it reads from a fill topic: each event, with a {@link SampledScores sampled score}, goes
 * through the pipeline's own {@link TrackLeadProcessor} with its stores, so the track and history
 * stores and their changelogs hold what the pipeline would have left for these events.
 */
final class StateFiller {

  static final String SOURCE = "state-fill-source";
  static final String LEND_SCORE = "lend-sampled-score";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

  private StateFiller() {}

  static Topology topology(
      LeadStreamConfig config, String fillTopic, SampledScores scores, AtomicLong processed) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(LeadHistory.storeBuilder(config.stateStores()));
    builder.stream(
            fillTopic,
            Consumed.with(Serdes.String(), LeadStreamSerdes.leadEvent()).withName(SOURCE))
        .process(() -> new LendScore(scores, processed), Named.as(LEND_SCORE))
        .process(
            TrackLeadProcessor.supplier(
                config.stateStores(), config.labelsHistoryEvents(), PipelineMetrics.inMemory()),
            Named.as(LeadStreamTopology.TRACK),
            LeadHistory.STORE);
    return builder.build();
  }

  /**
   * Runs the filler until it has processed {@code events} events, then closes it (stores flushed,
   * offsets committed, group left).
   *
   * @param stateDir the filler's own state folder, thrown away afterwards as a crash would
   * @param progress told the events processed so far, about once a second
   */
  static void fill(
      LeadStreamConfig config,
      String fillTopic,
      SampledScores scores,
      long events,
      Path stateDir,
      LongConsumer progress)
      throws InterruptedException {
    AtomicLong processed = new AtomicLong();
    Map<String, Object> props = new HashMap<>(config.streamsProperties());
    // the pipeline's exactly-once adds nothing to what the changelogs hold, and one commit at the
    // end is the fastest way to write them
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 30_000);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.remove(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG);
    try (KafkaStreams streams =
        new KafkaStreams(
            topology(config, fillTopic, scores, processed), new StreamsConfig(props))) {
      streams.start();
      while (processed.get() < events) {
        if (streams.state() == KafkaStreams.State.ERROR
            || streams.state() == KafkaStreams.State.NOT_RUNNING) {
          throw new IllegalStateException(
              "The state filler stopped ("
                  + streams.state()
                  + ") after "
                  + processed.get()
                  + " of "
                  + events
                  + " events; run with --verbose for its log");
        }
        progress.accept(processed.get());
        TimeUnit.SECONDS.sleep(1);
      }
      progress.accept(processed.get());
      streams.close(
          CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
              .withTimeout(CLOSE_TIMEOUT));
    }
  }

  /** Hands each event on as the score step would, with a sampled score. */
  private static final class LendScore
      extends ContextualProcessor<String, LeadEvent, String, ScoredLead> {

    private final SampledScores scores;
    private final AtomicLong processed;

    LendScore(SampledScores scores, AtomicLong processed) {
      this.scores = scores;
      this.processed = processed;
    }

    @Override
    public void process(Record<String, LeadEvent> record) {
      context().forward(record.withValue(scores.lendTo(record.value())));
      processed.incrementAndGet();
    }
  }
}
