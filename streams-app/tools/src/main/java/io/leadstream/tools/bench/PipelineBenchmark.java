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
 * Pushes synthetic leads through a running pipeline and then runs the encoder alone on the same
 * texts with the same parallelism (one caller per stream thread, batch 1), so the cost of
 * everything but inference shows as a ratio. Phases: warm-up (not measured; the JIT compiles the
 * broker, clients and Streams for a good while), throughput (every lead sent at once; leads/s from
 * first send to last outcome), latency (leads sent at half the measured throughput, so queueing
 * does not dominate), encoder alone.
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

  public BenchResult run(int leads, int warmup, int paced, long seed, int partitions)
      throws InterruptedException {
    List<LeadEvent> events = SampleFeed.generate(seed, warmup + leads + paced, 0, 0);
    List<LeadEvent> warm = events.subList(0, warmup);
    List<LeadEvent> measured = events.subList(warmup, warmup + leads);
    List<LeadEvent> latency = events.subList(warmup + leads, events.size());
    try (OutcomeReader reader = new OutcomeReader(pipeline.config());
        LeadProducer producer = new LeadProducer(pipeline.config())) {
      log.accept("warm-up: " + warm.size() + " leads");
      sendAndAwait(reader, producer, warm, 0);

      log.accept("throughput: " + measured.size() + " leads sent at once");
      long start = System.currentTimeMillis();
      RunSummary burst = sendAndAwait(reader, producer, measured, 0);
      double throughput = burst.throughputPerSecond(start);

      double pace = Math.max(1, throughput / 2);
      log.accept(String.format("latency: %d leads at %.0f leads/s", latency.size(), pace));
      RunSummary pacedRun = sendAndAwait(reader, producer, latency, (long) (1e9 / pace));

      List<String> texts = measured.stream().map(LeadText::of).toList();
      int threads = pipeline.config().streamThreads();
      log.accept(
          "encoder alone: "
              + texts.size()
              + " texts, "
              + threads
              + " parallel callers, then 1 caller using every core");
      double parallel = encoderRate(pipeline.app().model().current(), texts, threads);
      double oneCaller;
      try (ModelBundle allCores =
          ModelBundle.load(pipeline.config().modelBundle(), InferenceOptions.ENGINE_DEFAULT)) {
        oneCaller = encoderRate(allCores, texts, 1);
      }
      return new BenchResult(
          measured.size(),
          partitions,
          threads,
          throughput,
          pace,
          pacedRun.latencyPercentileMs(50),
          pacedRun.latencyPercentileMs(99),
          parallel,
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
   * Texts/s of {@code callers} threads, each with its own scorer, reading every text once at batch
   * 1.
   */
  private static double encoderRate(ModelBundle bundle, List<String> texts, int callers)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Callable<Void>> work = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        int first = c;
        work.add(
            () -> {
              try (LeadScorer scorer = bundle.newScorer()) {
                for (int i = first; i < texts.size(); i += callers) {
                  scorer.readText(texts.get(i));
                }
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
    }
  }
}
