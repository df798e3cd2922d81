package io.leadstream.tools.bench.micro;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.inference.ModelSource;
import io.leadstream.models.inference.ZeroShotOpportunity;
import io.leadstream.models.inference.ZeroShotPredictor;
import io.leadstream.models.inference.ZeroShotSpec;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.schema.AvroTrust;
import io.leadstream.tools.demo.SampleFeed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * A zero-shot reading alone (prompt, encoder, one decoder step, answer softmax), one text per call,
 * one ONNX Runtime thread per call: texts/s of a {@code zeroShot} manifest section given as a JSON
 * file whose files lie beside it, by default the tiny T5 fixture's.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class ZeroShotBenchmark {

  @Param({"models/serving/src/test/resources/t5-tiny/zero-shot-onnx.json"})
  public String spec;

  private ZeroShotOpportunity model;
  private ZeroShotPredictor predictor;
  private List<String> texts;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    AvroTrust.trustSchemaPackage();
    Path file = Path.of(spec).toAbsolutePath();
    ZeroShotSpec section = new ObjectMapper().readValue(file.toFile(), ZeroShotSpec.class);
    model =
        ZeroShotOpportunity.load(
            section, ModelSource.forFolder(file.getParent()), new InferenceOptions(1));
    predictor = model.newPredictor();
    texts = SampleFeed.generate(11, 512, 0, 0).stream().map(LeadText::of).toList();
  }

  @TearDown(Level.Trial)
  public void close() {
    predictor.close();
    model.close();
  }

  @Benchmark
  public double textsBatch1() {
    next = (next + 1) % texts.size();
    return predictor.probability(texts.get(next));
  }
}
