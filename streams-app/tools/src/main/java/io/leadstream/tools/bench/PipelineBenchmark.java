package io.leadstream.tools.bench;

import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.schema.LeadEvent;
import io.leadstream.tools.demo.SampleFeed;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import io.leadstream.tools.observe.RunSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Pushes synthetic leads through a running pipeline and runs the encoder alone on the same texts
 * with the same parallelism (one caller per stream thread, batch 1), so the cost of everything but
 * inference shows as a ratio. Phases: warm-up (not measured; the JIT compiles the broker, clients
 * and Streams for a good while); rounds of a throughput burst (every lead sent at once; leads/s
 * from first send to last outcome) each followed by the encoder alone on the burst's texts, so the
 * two alternate and a change of the machine's speed shows in both; latency (leads sent at half the
 * median throughput, so queueing does not dominate); the encoder with one caller on every core.
 *
 * <p>It is handed a started pipeline and starts none, so it shares none of the demo's set-up:
 * starting the broker and the app, their settings and the console's logs are done in one place, the
 * commands' {@code EmbeddedOptions}.
 */
public final class PipelineBenchmark {

  private final EmbeddedPipeline pipeline;
  private final Consumer<String> log;

  public PipelineBenchmark(EmbeddedPipeline pipeline, Consumer<String> log) {
    this.pipeline = pipeline;
    this.log = log;
  }

  /**
   * @param leads leads of each throughput burst, all new, every one needing inference
   * @param rounds bursts, each followed by the encoder alone on the burst's texts (A-B-A-B), so a
   *     drift of the machine's speed shows in both and the ratio is paired by round
   */
  public BenchResult run(int leads, int rounds, int warmup, int paced, long seed, int partitions)
      throws InterruptedException {
    List<LeadEvent> events = SampleFeed.generate(seed, warmup + rounds * leads + paced, 0, 0);
    List<LeadEvent> warm = events.subList(0, warmup);
    List<LeadEvent> latency = events.subList(warmup + rounds * leads, events.size());
    int threads = pipeline.config().streamThreads();
    try (OutcomeReader reader = new OutcomeReader(pipeline.config());
        LeadProducer producer = new LeadProducer(pipeline.config())) {
      log.accept("warm-up: " + warm.size() + " leads");
      sendAndAwait(reader, producer, warm, 0);

      List<Double> pipelineRates = new ArrayList<>();
      List<Double> encoderRates = new ArrayList<>();
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
        pipelineRates.add(sendAndAwait(reader, producer, burst, 0).throughputPerSecond(start));
        texts = burst.stream().map(LeadText::of).toList();
        encoderRates.add(encoderRate(pipeline.app().model().current(), texts, threads));
      }

      double pace = Math.max(1, BenchResult.median(pipelineRates) / 2);
      log.accept(String.format("latency: %d leads at %.0f leads/s", latency.size(), pace));
      RunSummary pacedRun = sendAndAwait(reader, producer, latency, (long) (1e9 / pace));

      log.accept("encoder alone, for reference: 1 caller using every core");
      double oneCaller;
      try (ModelBundle allCores =
          ModelBundle.load(pipeline.config().modelBundle(), InferenceOptions.ENGINE_DEFAULT)) {
        oneCaller = encoderRate(allCores, texts, 1);
      }
      return new BenchResult(
          leads,
          partitions,
          threads,
          pipelineRates,
          pace,
          pacedRun.latencyPercentileMs(50),
          pacedRun.latencyPercentileMs(99),
          encoderRates,
          oneCaller);
    }
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
   * reading every text once at batch 1.
   */
  private static double encoderRate(ModelBundle bundle, List<String> texts, int callers)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<LeadScorer> scorers = new ArrayList<>();
    try {
      List<Callable<Void>> work = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        LeadScorer scorer = bundle.newScorer();
        scorers.add(scorer);
        int first = c;
        work.add(
            () -> {
              for (int i = first; i < texts.size(); i += callers) {
                scorer.readText(texts.get(i));
              }
              return null;
            });
      }
      long start = System.nanoTime();
      for (Future<Void> done : pool.invokeAll(work)) {
        done.get();
      }
      return texts.size() / ((System.nanoTime() - start) / 1e9);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Encoder benchmark failed", e.getCause());
    } finally {
      pool.shutdown();
      scorers.forEach(LeadScorer::close);
    }
  }
}
