package io.leadstream.tools.bench;

import io.leadstream.tools.embedded.EmbeddedPipeline;
import io.leadstream.tools.embedded.Folders;
import io.leadstream.tools.feed.LeadProducer;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Streams many events through a running pipeline, chunk by chunk ({@link SoakFeed}), each chunk's
 * outcomes awaited before the next is sent, and samples the process's memory and the state on disk,
 * to show whether memory grows with the events (the broker, the app, RocksDB and the encoder all
 * run in this process, so RSS holds all of them).
 */
public final class PipelineSoak {

  /** The header of {@link Sample#row()}. */
  public static final String HEADER =
      String.format(
          Locale.ROOT,
          "%10s %8s %9s %9s %9s %9s %10s %7s",
          "events",
          "RSS MiB",
          "heap used",
          "committed",
          "state MiB",
          "events/s",
          "text memo",
          "DLQ");

  private final EmbeddedPipeline pipeline;

  /** A pipeline already started; this closes nothing. */
  public PipelineSoak(EmbeddedPipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Memory and state after some events.
   *
   * @param events events sent whose outcomes have all arrived
   * @param rssMiB resident set size of the process (VmRSS), -1 where there is no /proc
   * @param heapUsedMiB Java heap in use after a GC hint
   * @param heapCommittedMiB Java heap the JVM holds from the OS (part of RSS)
   * @param stateMiB the app's state folder on disk (RocksDB stores, checkpoints)
   * @param eventsPerSecond events over seconds since the previous sample; 0 in the first
   * @param textReused outcomes so far whose text inference was skipped (the text memo)
   * @param deadLettered outcomes so far on the dead-letter topic
   */
  public record Sample(
      long events,
      long rssMiB,
      long heapUsedMiB,
      long heapCommittedMiB,
      double stateMiB,
      double eventsPerSecond,
      long textReused,
      long deadLettered) {

    /** This sample as a line under {@link #HEADER}. */
    public String row() {
      return String.format(
          Locale.ROOT,
          "%,10d %8d %9d %9d %9.1f %9.1f %,10d %,7d",
          events,
          rssMiB,
          heapUsedMiB,
          heapCommittedMiB,
          stateMiB,
          eventsPerSecond,
          textReused,
          deadLettered);
    }
  }

  /**
   * RSS growth from a warmed-up sample to the last.
   *
   * @param from the first sample at or after a fifth of the run (broker, JIT, RocksDB and engine
   *     arenas warmed up)
   */
  public record Growth(Sample from, Sample to) {

    /** Growth is judged against this share of RSS at {@code from}. */
    public static final double TARGET_PERCENT = 5;

    /** From the first sample at or after a fifth of the last one's events, to the last. */
    public static Growth of(List<Sample> samples) {
      Sample last = samples.get(samples.size() - 1);
      Sample from =
          samples.stream()
              .filter(s -> s.events() > 0 && s.events() >= last.events() / 5)
              .findFirst()
              .orElse(last);
      return new Growth(from, last);
    }

    public long mib() {
      return to.rssMiB() - from.rssMiB();
    }

    public double percent() {
      return 100.0 * mib() / from.rssMiB();
    }

    /** One line: RSS at both ends, the growth in MiB and %, and whether it is under the target. */
    public String describe() {
      if (from.rssMiB() < 0) {
        return "RSS growth: unknown (no /proc/self/status on this system)";
      }
      return String.format(
          Locale.ROOT,
          "RSS growth from %,d events (%d MiB) to %,d events (%d MiB): %+d MiB, %+.1f %% (%s %.0f %%)",
          from.events(),
          from.rssMiB(),
          to.events(),
          to.rssMiB(),
          mib(),
          percent(),
          percent() < TARGET_PERCENT ? "under" : "NOT under",
          TARGET_PERCENT);
    }
  }

  /**
   * @param events events to send in all
   * @param every sample after this many events (and at the end)
   * @param chunk events sent at once at most, their outcomes awaited before more are sent
   * @param seed the feed's seed; chunk {@code i} uses {@code seed + i}
   * @param each told each sample as it is taken, the first before any event
   * @return the samples, the first before any event
   * @throws IllegalStateException when a chunk's outcomes do not all arrive
   */
  public List<Sample> run(long events, long every, int chunk, long seed, Consumer<Sample> each)
      throws InterruptedException {
    List<Sample> samples = new ArrayList<>();
    try (OutcomeReader reader = new OutcomeReader(pipeline.config());
        LeadProducer producer = new LeadProducer(pipeline.config())) {
      long done = 0;
      long textReused = 0;
      long deadLettered = 0;
      int index = 0;
      take(samples, each, 0, 0, 0, 0);
      long since = System.nanoTime();
      long sinceEvents = 0;
      while (done < events) {
        long nextSample = Math.min(events, (done / every + 1) * every);
        int size = (int) Math.min(chunk, nextSample - done);
        RunSummary summary =
            PipelineBenchmark.sendAndAwait(
                reader, producer, SoakFeed.chunk(seed, index++, size), 0);
        done += size;
        textReused += summary.textReused();
        deadLettered += summary.deadLettered();
        if (done == nextSample) {
          double rate = (done - sinceEvents) / ((System.nanoTime() - since) / 1e9);
          take(samples, each, done, rate, textReused, deadLettered);
          since = System.nanoTime();
          sinceEvents = done;
        }
      }
    }
    return samples;
  }

  private void take(
      List<Sample> samples,
      Consumer<Sample> each,
      long events,
      double rate,
      long textReused,
      long deadLettered) {
    long heapUsed = EncoderSoak.heapUsedAfterGcMiB();
    Sample sample =
        new Sample(
            events,
            EncoderSoak.residentMiB(),
            heapUsed,
            Runtime.getRuntime().totalMemory() >> 20,
            Folders.bytes(pipeline.config().applicationStateDir()) / (double) (1 << 20),
            rate,
            textReused,
            deadLettered);
    samples.add(sample);
    each.accept(sample);
  }
}
