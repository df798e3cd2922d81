package io.leadstream.tools.bench;

import io.leadstream.app.streams.processors.InferenceBatch;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.training.SyntheticLeadGenerator;
import io.leadstream.schema.LeadEvent;
import io.leadstream.tools.demo.SampleFeed;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.observe.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Pushes synthetic leads through a running pipeline and runs the encoder alone on the same texts
 * with the same parallelism (one caller per stream thread, batch 1), so the cost of everything but
 * inference shows as a ratio. Phases: warm-up (not measured; the JIT compiles the broker, clients
 * and Streams for a good while); rounds of a throughput burst (every lead sent at once; leads/s
 * from first send to last outcome) each followed by the encoder alone on the burst's texts, so the
 * two alternate and a change of the machine's speed shows in both; latency (leads sent at half the
 * median throughput, so queueing does not dominate); the encoder with one caller on every core;
 * then, optionally and best after the pipeline is closed ({@link #withEncodersCompared}), encoders
 * alone side by side on the last burst's texts ({@link EncoderComparison}) and the machine's GEMM
 * rate ({@link GemmRate}), for the share of it each encoder achieves. Before the warm-up the state
 * can be filled with extra leads of blank text, to see what a larger state costs.
 *
 * <p>It is handed a started pipeline and starts none, so it shares none of the demo's set-up:
 * starting the broker and the app, their settings and the console's logs are done in one place, the
 * commands' {@code EmbeddedOptions}.
 */
public final class PipelineBenchmark {

  /**
   * Passes of the encoders compared: 4 slices of the texts, each once in each order (A-B, B-A), so
   * the spread shows (with the app stopped, ±5 % for fp32 MiniLM and ±10 % for int8 in session 31).
   */
  public static final int COMPARE_PASSES = 8;

  private static final int FILL_CHUNK = 20_000;
  private static final Duration GEMM_WARMUP = Duration.ofMillis(500);
  private static final Duration GEMM_TIME = Duration.ofSeconds(2);

  private final EmbeddedPipeline pipeline;
  private final Consumer<String> log;
  private List<String> lastBurstTexts = List.of();

  public PipelineBenchmark(EmbeddedPipeline pipeline, Consumer<String> log) {
    this.pipeline = pipeline;
    this.log = log;
  }

  /**
   * @param leads leads of each throughput burst, all new, every one needing inference
   * @param rounds bursts, each followed by the encoder alone on the burst's texts (A-B-A-B), so a
   *     drift of the machine's speed shows in both and the ratio is paired by round
   * @param stateLeads extra leads with blank text (the encoder skips them: they get the prior) sent
   *     through the pipeline and awaited before the warm-up, so the stores start with them; their
   *     ids are never used again
   */
  public BenchResult run(
      int leads, int rounds, int warmup, int paced, long seed, int partitions, int stateLeads)
      throws InterruptedException {
    List<LeadEvent> events = SampleFeed.generate(seed, warmup + rounds * leads + paced, 0, 0);
    List<LeadEvent> warm = events.subList(0, warmup);
    List<LeadEvent> latency = events.subList(warmup + rounds * leads, events.size());
    int threads = pipeline.config().streamThreads();
    int inferenceBatch = heldForOneRead(pipeline);
    try (OutcomeReader reader = new OutcomeReader(pipeline.config());
        LeadProducer producer = new LeadProducer(pipeline.config())) {
      double fillSeconds = stateLeads > 0 ? fillState(reader, producer, stateLeads, seed) : 0;

      log.accept("warm-up: " + warm.size() + " leads");
      sendAndAwait(reader, producer, warm, 0);

      List<Double> pipelineRates = new ArrayList<>();
      List<Double> encoderRates = new ArrayList<>();
      Map<ThreadCpu.Group, Long> burstCpu = new EnumMap<>(ThreadCpu.Group.class);
      long burstNanos = 0;
      ReadCalls readCalls = new ReadCalls(pipeline.app().pipelineMetrics());
      List<String> texts = List.of();
      for (int round = 0; round < rounds; round++) {
        int first = warmup + round * leads;
        List<LeadEvent> burst = events.subList(first, first + leads);
        log.accept(
            String.format(
                "round %d of %d: %d leads sent at once, then the encoder alone on their texts"
                    + " (%d parallel callers)",
                round + 1, rounds, burst.size(), threads));
        long start = System.currentTimeMillis();
        long started = System.nanoTime();
        ThreadCpu.Reading cpuBefore = ThreadCpu.now();
        readCalls.resume();
        pipelineRates.add(sendAndAwait(reader, producer, burst, 0).throughputPerSecond(start));
        readCalls.pause();
        burstNanos += System.nanoTime() - started;
        ThreadCpu.between(cpuBefore, ThreadCpu.now())
            .forEach((group, nanos) -> burstCpu.merge(group, nanos, Long::sum));
        texts = burst.stream().map(LeadText::of).toList();
        encoderRates.add(
            encoderRate(pipeline.app().model().current(), texts, threads, inferenceBatch));
      }

      double pace = Math.max(1, BenchResult.median(pipelineRates) / 2);
      log.accept(String.format("latency: %d leads at %.0f leads/s", latency.size(), pace));
      RunSummary pacedRun = sendAndAwait(reader, producer, latency, (long) (1e9 / pace));

      log.accept("encoder alone, for reference: 1 caller using every core");
      double oneCaller;
      try (ModelBundle allCores =
          ModelBundle.load(pipeline.config().modelBundle(), InferenceOptions.ENGINE_DEFAULT)) {
        oneCaller = encoderRate(allCores, texts, 1, 1);
      }

      lastBurstTexts = texts;
      return new BenchResult(
          leads,
          partitions,
          threads,
          pipelineRates,
          pace,
          pacedRun.latencyPercentileMs(50),
          pacedRun.latencyPercentileMs(99),
          encoderRates,
          oneCaller,
          stateLeads,
          fillSeconds,
          List.of(),
          null,
          inferenceBatch,
          readCalls.textsPerCall(),
          ThreadCpu.msPerLead(burstCpu, rounds * leads),
          Runtime.getRuntime().availableProcessors(),
          burstNanos / 1e9);
    }
  }

  /**
   * {@code measured} with these encoders run alone on {@link #run}'s last burst's texts, alternated
   * over {@value #COMPARE_PASSES} passes, then a GEMM for their achieved share of the machine's
   * rate; unchanged for none. Best with the pipeline closed: beside the idle app, its broker and
   * the JIT compiling them, a pass scattered by about 15 % (session 31).
   */
  public BenchResult withEncodersCompared(BenchResult measured, List<String> encoders)
      throws InterruptedException {
    if (encoders.isEmpty()) {
      return measured;
    }
    int threads = measured.streamThreads();
    List<EncoderRate> compared =
        EncoderComparison.run(encoders, lastBurstTexts, threads, COMPARE_PASSES, log);
    String shape = gemmShape(compared);
    log.accept(
        String.format(
            "GEMM %s, float32 through libtorch, %d callers of 1 thread each, %d s",
            shape, threads, GEMM_TIME.toSeconds()));
    return measured.withComparison(
        compared, GemmRate.measure(shape, threads, GEMM_WARMUP, GEMM_TIME));
  }

  /**
   * Sends {@code count} leads with blank text through the pipeline in chunks and waits for their
   * outcomes; returns the seconds it took. Their event time lies before the bench's leads', as
   * older leads' would.
   */
  private double fillState(OutcomeReader reader, LeadProducer producer, int count, long seed)
      throws InterruptedException {
    log.accept(count + " leads with blank text into the state (the encoder skips them)");
    Instant start =
        SyntheticLeadGenerator.DEFAULT_START.minus(Duration.ofMinutes(7L * count + 7 * 24 * 60));
    SyntheticLeadGenerator generator = new SyntheticLeadGenerator(seed + 1, start);
    long began = System.nanoTime();
    int sent = 0;
    while (sent < count) {
      List<LeadEvent> chunk = new ArrayList<>();
      for (int i = 0; i < FILL_CHUNK && sent < count; i++, sent++) {
        chunk.add(
            LeadEvent.newBuilder(generator.next().event())
                .setLeadId(String.format("state-lead-%07d", sent + 1))
                .setNotes(null)
                .setLastMessage(null)
                .build());
      }
      sendAndAwait(reader, producer, chunk, 0);
      log.accept(String.format("state: %d of %d leads", sent, count));
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    log.accept(
        String.format("state: %d leads in %.1f s (%.0f leads/s)", count, seconds, count / seconds));
    return seconds;
  }

  /**
   * An encoder layer's feed-forward for the texts: M = their mean token count, K x N the first
   * compared encoder's hidden x intermediate size whose dimensions are known (MiniLM's otherwise).
   */
  private static String gemmShape(List<EncoderRate> compared) {
    EncoderRate known =
        compared.stream()
            .filter(rate -> EncoderFlops.ofNamed(EncoderChoice.encoder(rate.encoder())).isPresent())
            .findFirst()
            .orElse(compared.get(0));
    EncoderFlops dimensions =
        EncoderFlops.ofNamed(EncoderChoice.encoder(known.encoder())).orElse(EncoderFlops.MINILM_L6);
    return String.format(
        Locale.ROOT,
        "%dx%dx%d",
        Math.max(1, Math.round(known.meanTokens())),
        dimensions.hidden(),
        dimensions.intermediate());
  }

  /**
   * Sends the leads (all at once, or one every {@code intervalNanos}) and waits for each one's
   * outcome.
   */
  static RunSummary sendAndAwait(
      OutcomeReader reader, LeadProducer producer, List<LeadEvent> leads, long intervalNanos)
      throws InterruptedException {
    RunSummary summary = new RunSummary();
    long next = System.nanoTime();
    for (LeadEvent lead : leads) {
      if (intervalNanos > 0) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        next += intervalNanos;
        producer.send(lead);
        producer.flushAndCount();
        drain(reader, summary);
      } else {
        producer.send(lead);
      }
    }
    producer.flushAndCount();
    int missing = leads.size() - summary.total();
    int seen = OutcomeWaiter.await(reader, missing, Duration.ofMinutes(30), summary::add);
    if (seen < missing) {
      throw new IllegalStateException(
          "Only " + (leads.size() - missing + seen) + " of " + leads.size() + " outcomes arrived");
    }
    return summary;
  }

  private static void drain(OutcomeReader reader, RunSummary summary) {
    reader.poll(Duration.ZERO).forEach(summary::add);
  }

  /**
   * Texts/s of {@code callers} threads, each with its own scorer opened before the clock starts,
   * reading every text once, {@code batch} texts a call (the last call the rest).
   */
  /** Records the app's read-text step holds for one read of the serving bundle. */
  private static int heldForOneRead(EmbeddedPipeline pipeline) {
    try (LeadScorer scorer = pipeline.app().model().current().newScorer()) {
      return InferenceBatch.of(pipeline.config()).limit(scorer);
    }
  }

  private static double encoderRate(ModelBundle bundle, List<String> texts, int callers, int batch)
      throws InterruptedException {
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < texts.size(); from += batch) {
      batches.add(texts.subList(from, Math.min(texts.size(), from + batch)));
    }
    List<LeadScorer> scorers = new ArrayList<>();
    try {
      List<IntConsumer> reads = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        LeadScorer scorer = bundle.newScorer();
        scorers.add(scorer);
        reads.add(i -> scorer.readTexts(batches.get(i)));
      }
      // batches/s times texts per batch on average: texts/s
      return ParallelReads.textsPerSecond(batches.size(), reads) * texts.size() / batches.size();
    } finally {
      scorers.forEach(LeadScorer::close);
    }
  }
}
