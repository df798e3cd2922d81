package io.leadstream.tools.bench;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.config.LeadStreamConfig.InputFormat;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.schema.LeadEvent;
import io.leadstream.tools.demo.SampleFeed;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.embedded.EmbeddedSchemaRegistry;
import io.leadstream.tools.embedded.Folders;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.OutcomeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The pipeline's rate per input format, in one run: one app per format (Avro single-object, the
 * CRM's JSON through the worked HubSpot mapping, the schema registry wire format in and out) on one
 * embedded broker and registry, all started first, then bursts of the same leads sent to each in
 * turn, round after round (A-B-C-A-B-C), so that drift of the machine falls on every format alike.
 * Idle apps only poll.
 */
public final class FormatBenchmark implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /** One format's app, with its producer and reader. */
  private record Lane(
      InputFormat format, LeadStreamApp app, LeadProducer producer, OutcomeReader reader) {}

  /** One format's bursts. */
  public record FormatResult(InputFormat format, List<Double> leadsPerSecond) {

    public double median() {
      return BenchResult.median(leadsPerSecond);
    }

    /**
     * The median over rounds of this format's rate over {@code reference}'s in the same round: the
     * bursts of one round ran within seconds of each other, so drift of the machine cancels out.
     */
    public double medianRatioTo(FormatResult reference) {
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < leadsPerSecond.size(); i++) {
        ratios.add(leadsPerSecond.get(i) / reference.leadsPerSecond().get(i));
      }
      return BenchResult.median(ratios);
    }

    public double min() {
      return leadsPerSecond.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    public double max() {
      return leadsPerSecond.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    public String settingName() {
      return format.settingName();
    }
  }

  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registry;
  private final List<Lane> lanes = new ArrayList<>();
  private final Path workDir;
  private final Consumer<String> log;

  /**
   * Starts the broker, the registry and one app per format.
   *
   * @param configFor the apps' common settings on the embedded broker at the bootstrap given
   */
  public FormatBenchmark(
      Function<String, LeadStreamConfig> configFor,
      List<InputFormat> formats,
      int partitions,
      Consumer<String> log) {
    this.log = log;
    this.broker = EmbeddedKafkaBroker.start();
    this.registry = EmbeddedSchemaRegistry.start();
    try {
      workDir = Files.createTempDirectory("leadstream-bench-formats-");
      LeadStreamConfig base = configFor.apply(broker.bootstrapServers());
      for (InputFormat format : formats) {
        lanes.add(start(base, format, partitions));
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Warms every app up, then sends {@code rounds} bursts of {@code leads} leads to each in turn.
   */
  public List<FormatResult> run(int leads, int warmup, int rounds, long seed)
      throws InterruptedException {
    for (Lane lane : lanes) {
      log.accept("warm-up " + name(lane) + ": " + warmup + " leads");
      burst(lane, SampleFeed.generate(seed - 1, warmup, 0, 0));
    }
    Map<InputFormat, List<Double>> rates = new HashMap<>();
    for (int round = 1; round <= rounds; round++) {
      List<LeadEvent> events = SampleFeed.generate(seed + round, leads, 0, 0);
      for (Lane lane : lanes) {
        double rate = burst(lane, events);
        rates.computeIfAbsent(lane.format(), f -> new ArrayList<>()).add(rate);
        log.accept(
            String.format(
                Locale.ROOT, "round %d/%d %s: %.1f leads/s", round, rounds, name(lane), rate));
      }
    }
    return lanes.stream()
        .map(lane -> new FormatResult(lane.format(), List.copyOf(rates.get(lane.format()))))
        .toList();
  }

  private static double burst(Lane lane, List<LeadEvent> events) throws InterruptedException {
    long start = System.currentTimeMillis();
    return PipelineBenchmark.sendAndAwait(lane.reader(), lane.producer(), events, 0)
        .throughputPerSecond(start);
  }

  private Lane start(LeadStreamConfig base, InputFormat format, int partitions) throws IOException {
    String name = format.settingName();
    Path stateDir = Files.createDirectories(workDir.resolve(name));
    Map<String, Object> props = new HashMap<>(base.originals());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, base.applicationId() + "-" + name);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(LeadStreamConfig.TOPIC_RAW_CONFIG, name + "." + base.rawTopic());
    props.put(LeadStreamConfig.TOPIC_PRIORITIZED_CONFIG, name + "." + base.prioritizedTopic());
    props.put(LeadStreamConfig.TOPIC_HOT_CONFIG, name + "." + base.hotTopic());
    props.put(LeadStreamConfig.TOPIC_DLQ_CONFIG, name + "." + base.deadLetterTopic());
    props.put(LeadStreamConfig.TOPIC_PARTITIONS_CONFIG, partitions);
    props.put(LeadStreamConfig.INPUT_FORMAT_CONFIG, name);
    switch (format) {
      case JSON ->
          props.put(LeadStreamConfig.INPUT_MAPPING_CONFIG, HubSpotJson.mapping(workDir).toString());
      case CONFLUENT_AVRO -> {
        props.put(LeadStreamConfig.OUTPUT_FORMAT_CONFIG, "confluent-avro");
        props.put(LeadStreamConfig.REGISTRY_URL_CONFIG, registry.url());
      }
      case AVRO -> {}
    }
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    log.accept("starting the " + name + " app");
    LeadStreamApp app = LeadStreamApp.start(config);
    try {
      app.awaitRunning(START_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      app.close();
      throw new IllegalStateException("Interrupted while starting", e);
    }
    LeadProducer producer =
        format == InputFormat.JSON
            ? new LeadProducer(config, HubSpotJson::render)
            : new LeadProducer(config);
    return new Lane(format, app, producer, new OutcomeReader(config));
  }

  private static String name(Lane lane) {
    return lane.format().settingName();
  }

  @Override
  public void close() {
    for (Lane lane : lanes) {
      lane.reader().close();
      lane.producer().close();
      lane.app().close();
    }
    registry.close();
    broker.close();
    if (workDir != null) {
      Folders.deleteQuietly(workDir);
    }
  }
}
