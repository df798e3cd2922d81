package io.leadstream.tools.bench.micro;

import io.leadstream.app.streams.serde.JsonLeadDecoder;
import io.leadstream.app.streams.serde.LeadDecoder;
import io.leadstream.app.streams.serde.LeadEventDecoder;
import io.leadstream.app.streams.serde.RecordOrigin;
import io.leadstream.app.streams.serde.RegistryLeadDecoder;
import io.leadstream.models.mapping.JsonEventConverter;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.schema.AvroTrust;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Reason;
import io.leadstream.schema.Tier;
import io.leadstream.schema.Trend;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.registry.RegistrySettings;
import io.leadstream.schema.registry.SchemaRegistryClient;
import io.leadstream.tools.bench.HubSpotJson;
import io.leadstream.tools.demo.SampleFeed;
import io.leadstream.tools.embedded.EmbeddedSchemaRegistry;
import io.leadstream.tools.embedded.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What each input format costs per record to decode into a LeadEvent (the pipeline's parse step,
 * validation aside), and each output format to encode a PrioritizedLead, on synthetic leads. The
 * registry is the embedded one; after the first record its schema is cached, as in the pipeline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class FormatCodecBenchmark {

  @Param({"avro", "json", "confluent-avro"})
  public String format;

  private EmbeddedSchemaRegistry registry;
  private Path folder;
  private LeadDecoder decoder;
  private List<byte[]> values;
  private Serializer<PrioritizedLead> output;
  private List<PrioritizedLead> outputs;
  private int next;

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    AvroTrust.trustSchemaPackage();
    registry = EmbeddedSchemaRegistry.start();
    folder = Files.createTempDirectory("leadstream-format-bench-");
    SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(registry.url()));
    List<LeadEvent> leads = SampleFeed.generate(11, 512, 0, 0);
    Function<LeadEvent, byte[]> encoder =
        switch (format) {
          case "avro" -> LeadStreamSerdes.leadEvent()::encode;
          case "json" -> HubSpotJson::render;
          case "confluent-avro" ->
              lead -> LeadStreamSerdes.leadEvent(client).encode("leads.raw", lead);
          default -> throw new IllegalArgumentException(format);
        };
    decoder =
        switch (format) {
          case "avro" -> new LeadEventDecoder();
          case "json" ->
              new JsonLeadDecoder(
                  new JsonEventConverter(LeadMapping.load(HubSpotJson.mapping(folder))));
          default -> new RegistryLeadDecoder(client);
        };
    values = leads.stream().map(encoder).toList();
    output =
        format.equals("confluent-avro")
            ? LeadStreamSerdes.prioritizedLead(client).serializer()
            : LeadStreamSerdes.prioritizedLead().serializer();
    outputs = leads.stream().map(FormatCodecBenchmark::prioritized).toList();
  }

  @TearDown(Level.Trial)
  public void close() {
    registry.close();
    Folders.deleteQuietly(folder);
  }

  @Benchmark
  public LeadEvent decodeInput() {
    next = (next + 1) % values.size();
    return decoder.decode(values.get(next), new RecordOrigin("leads.raw", 0, next, 0L));
  }

  /** Output encoding: single-object for avro and json input, the wire format for the registry. */
  @Benchmark
  public byte[] encodeOutput() {
    next = (next + 1) % outputs.size();
    return output.serialize("leads.prioritized", outputs.get(next));
  }

  /** An output of the size the pipeline writes: the lead's names, a score and three reasons. */
  private static PrioritizedLead prioritized(LeadEvent lead) {
    return PrioritizedLead.newBuilder()
        .setEventId(lead.getEventId())
        .setLeadId(lead.getLeadId())
        .setOccurredAt(lead.getOccurredAt())
        .setScoredAt(lead.getOccurredAt())
        .setCompanyName(lead.getCompany() == null ? null : lead.getCompany().getName())
        .setOpportunityProbability(0.42)
        .setScore(57)
        .setTier(Tier.WARM)
        .setTrend(Trend.NEW)
        .setReasons(
            List.of(
                new Reason("text", "text reads as mild interest (p=0.42)", 15.2),
                new Reason("budget", "budget 91.5k EUR", 9.8),
                new Reason("purchaseIntent", "purchase intent 2/5", -3.1)))
        .setModelVersion("default-2026.12.01")
        .build();
  }
}
