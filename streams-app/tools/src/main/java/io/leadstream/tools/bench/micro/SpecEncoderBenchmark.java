package io.leadstream.tools.bench.micro;

import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.TextEncoder;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.schema.AvroTrust;
import io.leadstream.tools.bench.EncoderChoice;
import io.leadstream.tools.demo.SampleFeed;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A text encoder alone (no head), named by a manifest {@code encoder} section: MiniLM by default,
 * or any encoder spec JSON file, e.g. the tiny T5 fixtures of both engines ({@code -p
 * spec=models/serving/src/test/resources/t5-tiny/encoder-pytorch.json}). Texts/s at batch 1 and 16,
 * one ONNX Runtime thread per call, one encoder per benchmark thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpecEncoderBenchmark {

  private static final int BATCH = 16;

  /** The encoder model, shared by every benchmark thread. */
  @State(Scope.Benchmark)
  public static class Model {
    /**
     * A named encoder (minilm, minilm-q, bge-small-zh), or the path of an encoder spec JSON whose
     * files lie beside it.
     */
    @Param({"minilm"})
    public String spec;

    EncoderModel model;
    List<String> texts;

    @Setup(Level.Trial)
    public void load() {
      AvroTrust.trustSchemaPackage();
      model = EncoderChoice.load(spec);
      texts = SampleFeed.generate(11, 512, 0, 0).stream().map(LeadText::of).toList();
    }

    @TearDown(Level.Trial)
    public void close() {
      model.close();
    }
  }

  /** One encoder (one DJL predictor) per benchmark thread. */
  @State(Scope.Thread)
  public static class Caller {
    TextEncoder encoder;
    int next;

    @Setup(Level.Trial)
    public void open(Model shared) {
      encoder = shared.model.newEncoder();
    }

    @TearDown(Level.Trial)
    public void close() {
      encoder.close();
    }
  }

  @Benchmark
  public Object batch1(Model shared, Caller caller) {
    caller.next = (caller.next + 1) % shared.texts.size();
    return caller.encoder.embed(List.of(shared.texts.get(caller.next)));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object batch16(Model shared, Caller caller) {
    caller.next = (caller.next + BATCH) % (shared.texts.size() - BATCH);
    return caller.encoder.embed(shared.texts.subList(caller.next, caller.next + BATCH));
  }
}
