package io.leadstream.tools.cli;

import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.schema.AvroTrust;
import io.leadstream.tools.bench.EncoderChoice;
import io.leadstream.tools.bench.EncoderSoak;
import io.leadstream.tools.bench.PipelineSoak;
import io.leadstream.tools.demo.SampleFeed;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Embeds many texts with one encoder, or streams many events through the whole pipeline, and shows
 * whether the process's memory grows.
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
      "Embed many texts (100,000 by default) with one encoder and sample the process's"
          + " resident memory (native memory of ONNX Runtime / libtorch included) and Java heap, to"
          + " check that native memory is released. Prints a table and the growth after warm-up.",
      "With --pipeline: start an embedded broker and LeadStream (the default bundle unless"
          + " --model-bundle) in this process and stream --events events through it in chunks of"
          + " --chunk, each chunk's outcomes awaited before the next is sent. The events are new"
          + " leads, follow-ups of earlier leads (30 %: about a third with new text, the rest"
          + " field updates only) and 0.2 % invalid ones; lead ids are distinct across chunks."
          + " Every --every events it samples RSS (VmRSS: heap, broker, RocksDB, encoder), the"
          + " Java heap used after a GC hint and committed, the state folder on disk and events/s,"
          + " and at the end prints the RSS growth from a fifth of the run to the end, against a"
          + " 5 % target. Growth does not change the exit code; a missing outcome does.",
      "Examples:",
      "  soak --spec models/serving/src/test/resources/t5-tiny/encoder-pytorch.json --texts 100000",
      "  soak --pipeline --events 1000000 --every 50000"
    })
final class SoakCommand implements Callable<Integer> {

  private static final List<String> ENCODER_OPTIONS = List.of("--spec", "--texts", "--batch");
  private static final List<String> PIPELINE_OPTIONS =
      List.of("--events", "--chunk", "--partitions", "--seed", "--model-bundle", "--set");

  @Option(
      names = "--pipeline",
      description =
          "Stream events through the whole pipeline instead of embedding texts with the encoder.")
  boolean pipeline;

  @Option(
      names = "--events",
      defaultValue = "1000000",
      description = "With --pipeline: events in all (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(
      names = "--chunk",
      defaultValue = "5000",
      description =
          "With --pipeline: events sent at once at most, their outcomes awaited before more"
              + " (default: ${DEFAULT-VALUE}).")
  int chunk;

  @Option(
      names = "--partitions",
      defaultValue = "2",
      description = "With --pipeline: partitions of the topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--seed",
      defaultValue = "11",
      description =
          "With --pipeline: seed of the events; chunk i uses seed + i (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin EmbeddedOptions embedded;

  @Option(
      names = "--spec",
      defaultValue = EncoderChoice.MINILM,
      paramLabel = "NAME|FILE",
      description =
          "Without --pipeline: the encoder: minilm, minilm-q, bge-small-zh, or an encoder spec JSON (default: ${DEFAULT-VALUE}).")
  String encoder;

  @Option(
      names = "--texts",
      defaultValue = "100000",
      description = "Without --pipeline: texts in all (default: ${DEFAULT-VALUE}).")
  long total;

  @Option(
      names = "--batch",
      defaultValue = "1",
      description = "Without --pipeline: texts per call (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--every",
      defaultValue = "10000",
      description =
          "Sample memory after this many texts, or events with --pipeline (default:"
              + " ${DEFAULT-VALUE}).")
  long every;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    AvroTrust.trustSchemaPackage();
    PrintWriter out = spec.commandLine().getOut();
    if (pipeline) {
      rejectAny(ENCODER_OPTIONS, "without --pipeline");
      return soakPipeline(out);
    }
    rejectAny(PIPELINE_OPTIONS, "with --pipeline");
    List<String> texts = SampleFeed.generate(11, 2000, 0, 0).stream().map(LeadText::of).toList();
    out.printf("Embedding %,d texts with %s, batch %d%n", total, encoder, batch);
    long started = System.nanoTime();
    List<EncoderSoak.Sample> samples;
    try (EncoderModel model = EncoderChoice.load(encoder)) {
      samples =
          EncoderSoak.run(
              model, texts, total, batch, every, done -> out.printf("  %,9d texts%n", done));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf("%n%10s %10s %12s%n", "texts", "RSS MiB", "heap MiB");
    samples.forEach(s -> out.printf("%,10d %10d %12d%n", s.texts(), s.rssMiB(), s.heapUsedMiB()));
    // the first fifth warms up (engine arenas, JIT); growth after it is what would leak
    EncoderSoak.Sample warm = samples.get(Math.max(1, samples.size() / 5));
    EncoderSoak.Sample last = samples.get(samples.size() - 1);
    out.printf(
        "%nRSS after %,d texts: %d MiB; after %,d: %d MiB; growth %+d MiB over %,d texts"
            + " (%.1f texts/s)%n",
        warm.texts(),
        warm.rssMiB(),
        last.texts(),
        last.rssMiB(),
        last.rssMiB() - warm.rssMiB(),
        last.texts() - warm.texts(),
        total / seconds);
    return 0;
  }

  private int soakPipeline(PrintWriter out) throws InterruptedException {
    if (events < 1 || every < 1 || chunk < 1) {
      throw new ParameterException(
          spec.commandLine(), "--events, --every and --chunk must each be at least 1");
    }
    out.printf(
        "Starting an embedded broker and LeadStream (%d partition(s)), then %,d events in chunks"
            + " of at most %,d, sampled every %,d (heap used after a GC hint)%n",
        partitions, events, chunk, every);
    out.flush();
    long started = System.nanoTime();
    List<PipelineSoak.Sample> samples;
    try (EmbeddedPipeline running = embedded.start("leadstream-soak", partitions)) {
      out.println(PipelineSoak.HEADER);
      samples =
          new PipelineSoak(running)
              .run(
                  events,
                  every,
                  chunk,
                  seed,
                  sample -> {
                    out.println(sample.row());
                    out.flush();
                  });
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        "%n%s%n%s, %.1f events/s over the whole run (%.0f s, start-up included)%n",
        BenchCommand.machine(),
        PipelineSoak.Growth.of(samples).describe(),
        events / seconds,
        seconds);
    return 0;
  }

  private void rejectAny(List<String> options, String where) {
    for (String name : options) {
      if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
        throw new ParameterException(spec.commandLine(), name + " only applies " + where);
      }
    }
  }
}
