package io.leadstream.tools.bench.micro;

import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.schema.AvroTrust;
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
 * The default bundle's text encoder + opportunity head on synthetic lead texts: batch 1 against
 * batch 32, and ONNX Runtime with one thread per call against every core. Run with JMH's {@code -t}
 * to have several callers, each with its own scorer (as stream threads do).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EncoderBenchmark {

  private static final int BATCH = 32;

  /** The bundle, shared by every benchmark thread, with the engine settings under test. */
  @State(Scope.Benchmark)
  public static class Bundle {
    /** ONNX Runtime threads inside one call; 0 = every core. */
    @Param({"1", "0"})
    public int intraOpThreads;

    ModelBundle bundle;
    List<String> texts;

    @Setup(Level.Trial)
    public void load() {
      AvroTrust.trustSchemaPackage();
      bundle = ModelBundle.load(ModelBundle.DEFAULT_BUNDLE, new InferenceOptions(intraOpThreads));
      texts = SampleFeed.generate(11, 512, 0, 0).stream().map(LeadText::of).toList();
    }

    @TearDown(Level.Trial)
    public void close() {
      bundle.close();
    }
  }

  /** One scorer per benchmark thread, like one per stream thread. */
  @State(Scope.Thread)
  public static class Caller {
    LeadScorer scorer;
    int next;

    @Setup(Level.Trial)
    public void open(Bundle shared) {
      scorer = shared.bundle.newScorer();
    }

    @TearDown(Level.Trial)
    public void close() {
      scorer.close();
    }
  }

  @Benchmark
  public Object textsBatch1(Bundle shared, Caller caller) {
    caller.next = (caller.next + 1) % shared.texts.size();
    return caller.scorer.readText(shared.texts.get(caller.next));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object textsBatch32(Bundle shared, Caller caller) {
    caller.next = (caller.next + BATCH) % (shared.texts.size() - BATCH);
    return caller.scorer.readTexts(shared.texts.subList(caller.next, caller.next + BATCH));
  }
}
