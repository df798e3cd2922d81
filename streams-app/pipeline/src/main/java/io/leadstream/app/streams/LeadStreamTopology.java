package io.leadstream.app.streams;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.model.ActiveModel;
import io.leadstream.app.streams.processors.InferenceBatch;
import io.leadstream.app.streams.processors.LabelOutcomeProcessor;
import io.leadstream.app.streams.processors.OutcomeValidator;
import io.leadstream.app.streams.processors.ParseLeadProcessor;
import io.leadstream.app.streams.processors.ParseRecordProcessor;
import io.leadstream.app.streams.processors.ReadTextProcessor;
import io.leadstream.app.streams.processors.ScoreLeadProcessor;
import io.leadstream.app.streams.processors.TrackLeadProcessor;
import io.leadstream.app.streams.processors.TrackedLead;
import io.leadstream.app.streams.serde.JsonLeadDecoder;
import io.leadstream.app.streams.serde.JsonOutcomeDecoder;
import io.leadstream.app.streams.serde.LeadDecoder;
import io.leadstream.app.streams.serde.LeadEventDecoder;
import io.leadstream.app.streams.serde.RecordDecoder;
import io.leadstream.app.streams.serde.RegistryDecoder;
import io.leadstream.app.streams.serde.RegistryLeadDecoder;
import io.leadstream.app.streams.serde.RegistrySubjectSchemas;
import io.leadstream.app.streams.serde.SingleObjectDecoder;
import io.leadstream.app.streams.serde.WriterSchemas;
import io.leadstream.app.streams.state.LeadHistory;
import io.leadstream.models.mapping.JsonEventConverter;
import io.leadstream.models.mapping.JsonOutcomeConverter;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.models.mapping.OutcomeMapping;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Tier;
import io.leadstream.schema.kafka.RegistryAvroSerde;
import io.leadstream.schema.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * LeadStream's topology: raw leads are parsed and validated, their text is read, they are scored
 * and tracked; every scored event goes to the prioritized topic and leads entering HOT also to the
 * hot topic. Outcomes are parsed and validated and labelled with the lead's history, which the
 * track step keeps, to the labelled topic; sharing that store puts both sources in one
 * sub-topology. Records that fail anywhere go to the dead-letter topic through {@link
 * io.leadstream.app.streams.errors.DeadLetterHandler}. Keyed by leadId throughout, so one lead's
 * events and outcomes stay ordered on one partition and no repartitioning is needed.
 */
public final class LeadStreamTopology {

  public static final String SOURCE = "leads-raw-source";
  public static final String PARSE = "parse-validate";
  public static final String READ_TEXT = "read-text";
  public static final String SCORE = "score";
  public static final String TRACK = "track";
  public static final String PRIORITIZED_SINK = "leads-prioritized-sink";
  public static final String ENTERS_HOT = "enters-hot";
  public static final String HOT_SINK = "leads-hot-sink";
  public static final String OUTCOMES_SOURCE = "leads-outcomes-source";
  public static final String PARSE_OUTCOME = "parse-validate-outcome";
  public static final String LABEL = "label";
  public static final String LABELLED_SINK = "leads-labelled-sink";

  private LeadStreamTopology() {}

  /**
   * @param metrics where the processors record stage latencies, tiers and skipped inferences (the
   *     dead-letter handler gets the same object through the Streams configuration)
   */
  public static Topology build(
      LeadStreamConfig config, ActiveModel model, PipelineMetrics metrics) {
    Optional<SchemaRegistryClient> registry =
        config.schemaRegistry().map(SchemaRegistryClient::new);
    Topics topics = Topics.from(config, registry);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(LeadHistory.storeBuilder(config.stateStores()));
    builder.addStateStore(ReadTextProcessor.drainStore());

    KStream<String, TrackedLead> prioritized =
        builder.stream(
                topics.raw().name(),
                Consumed.with(topics.raw().keySerde(), topics.raw().valueSerde()).withName(SOURCE))
            .process(
                ParseLeadProcessor.supplier(
                    config.recordMaxBytes(),
                    config.textMaxBytes(),
                    decoders(config, registry),
                    metrics),
                Named.as(PARSE))
            .process(
                ReadTextProcessor.supplier(
                    model,
                    config.textMemoEntries(),
                    InferenceBatch.of(config),
                    config.inferenceLinger(),
                    metrics),
                Named.as(READ_TEXT),
                ReadTextProcessor.DRAIN_STORE)
            .process(ScoreLeadProcessor.supplier(), Named.as(SCORE))
            .process(
                TrackLeadProcessor.supplier(
                    config.stateStores(), config.labelsHistoryEvents(), metrics),
                Named.as(TRACK),
                LeadHistory.STORE);

    prioritized.to(
        topics.prioritized().name(),
        Produced.with(
                topics.prioritized().keySerde(),
                TrackedLead.sinkSerde(topics.prioritized().valueSerde()))
            .withName(PRIORITIZED_SINK));
    prioritized
        .filter((leadId, tracked) -> entersHot(tracked.lead()), Named.as(ENTERS_HOT))
        .to(
            topics.hot().name(),
            Produced.with(topics.hot().keySerde(), TrackedLead.sinkSerde(topics.hot().valueSerde()))
                .withName(HOT_SINK));

    builder.stream(
            topics.outcomes().name(),
            Consumed.with(topics.outcomes().keySerde(), topics.outcomes().valueSerde())
                .withName(OUTCOMES_SOURCE))
        .process(
            ParseRecordProcessor.supplier(
                config.recordMaxBytes(),
                outcomeDecoders(config, registry),
                new OutcomeValidator(),
                metrics),
            Named.as(PARSE_OUTCOME))
        .process(
            LabelOutcomeProcessor.supplier(config.labelsHorizon(), metrics),
            Named.as(LABEL),
            LeadHistory.STORE,
            ReadTextProcessor.DRAIN_STORE)
        .to(
            topics.labelled().name(),
            Produced.with(topics.labelled().keySerde(), topics.labelled().valueSerde())
                .withName(LABELLED_SINK));

    return builder.build();
  }

  /**
   * The input format's decoders, their settings read and checked now: further Avro writer schemas
   * (from the folder, and the registry's versions of the input topic's subject) must be readable as
   * LeadEvent, a JSON mapping must be valid.
   *
   * @throws IllegalArgumentException naming the writer schema file and what is wrong with it
   * @throws MappingException with the mapping's own message (file, key, what to do)
   */
  static Supplier<LeadDecoder> decoders(
      LeadStreamConfig config, Optional<SchemaRegistryClient> registry) {
    return switch (config.inputFormat()) {
      case AVRO -> {
        String subject = RegistryAvroSerde.valueSubject(config.rawTopic());
        List<Schema> writerSchemas = new ArrayList<>(WriterSchemas.load(config.inputSchemas()));
        registry.ifPresent(r -> writerSchemas.addAll(WriterSchemas.fromRegistry(r, subject)));
        Optional<SchemaStore> later = laterVersions(registry, subject, LeadEvent.getClassSchema());
        yield () -> new LeadEventDecoder(writerSchemas, later);
      }
      case CONFLUENT_AVRO -> {
        SchemaRegistryClient client = registry.orElseThrow();
        yield () -> new RegistryLeadDecoder(client);
      }
      case JSON -> {
        JsonEventConverter converter =
            new JsonEventConverter(LeadMapping.load(config.inputMapping().orElseThrow()));
        yield () -> new JsonLeadDecoder(converter);
      }
    };
  }

  /**
   * The decoders of the outcomes topic, in the input format; with json input, JSON through the
   * outcome mapping when there is one, else Avro single-object encoding. Single-object writers also
   * read as the registry's versions of the outcomes topic's subject, when a registry is configured.
   */
  static Supplier<RecordDecoder<LeadOutcome>> outcomeDecoders(
      LeadStreamConfig config, Optional<SchemaRegistryClient> registry) {
    Optional<Path> mapping = config.inputOutcomesMapping();
    if (mapping.isPresent()) {
      JsonOutcomeConverter converter = new JsonOutcomeConverter(OutcomeMapping.load(mapping.get()));
      return () -> new JsonOutcomeDecoder(converter);
    }
    Schema reader = LeadOutcome.getClassSchema();
    if (config.inputFormat() == LeadStreamConfig.InputFormat.CONFLUENT_AVRO) {
      SchemaRegistryClient client = registry.orElseThrow();
      return () -> new RegistryDecoder<>(client, reader);
    }
    String subject = RegistryAvroSerde.valueSubject(config.outcomesTopic());
    List<Schema> writerSchemas =
        registry.map(r -> WriterSchemas.fromRegistry(r, subject, reader)).orElse(List.of());
    Optional<SchemaStore> later = laterVersions(registry, subject, reader);
    return () ->
        new SingleObjectDecoder<>(
            reader, writerSchemas, later, "the schema registry's subject " + subject);
  }

  /**
   * The subject's versions registered after the start, read when a record names a fingerprint the
   * decoders do not know: one store shared by every task's decoder.
   */
  private static Optional<SchemaStore> laterVersions(
      Optional<SchemaRegistryClient> registry, String subject, Schema reader) {
    return registry.map(r -> new RegistrySubjectSchemas(r, subject, reader));
  }

  /**
   * A lead enters HOT when it is HOT now and was not before; rescoring a HOT lead does not notify
   * again.
   */
  static boolean entersHot(PrioritizedLead lead) {
    return lead.getTier() == Tier.HOT && lead.getPreviousTier() != Tier.HOT;
  }
}
