package io.leadstream.tools.cli;

import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.schema.AvroTrust;
import io.leadstream.tools.bench.EncoderChoice;
import io.leadstream.tools.bench.EncoderSoak;
import io.leadstream.tools.demo.SampleFeed;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Embeds many texts with one encoder and shows whether the process's memory grows. */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
      "Embed many texts (100,000 by default) with one encoder and sample the process's"
          + " resident memory (native memory of ONNX Runtime / libtorch included) and Java heap, to"
          + " check that native memory is released. Prints a table and the growth after warm-up.",
      "Example: soak --spec models/serving/src/test/resources/t5-tiny/encoder-pytorch.json --texts 100000"
    })
final class SoakCommand implements Callable<Integer> {

  @Option(
      names = "--spec",
      defaultValue = EncoderChoice.MINILM,
      paramLabel = "NAME|FILE",
      description =
          "The encoder: minilm, minilm-q, bge-small-zh, or an encoder spec JSON (default: ${DEFAULT-VALUE}).")
  String encoder;

  @Option(
      names = "--texts",
      defaultValue = "100000",
      description = "Texts in all (default: ${DEFAULT-VALUE}).")
  long total;

  @Option(
      names = "--batch",
      defaultValue = "1",
      description = "Texts per call (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--every",
      defaultValue = "10000",
      description = "Sample memory after this many texts (default: ${DEFAULT-VALUE}).")
  long every;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    AvroTrust.trustSchemaPackage();
    PrintWriter out = spec.commandLine().getOut();
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
}
