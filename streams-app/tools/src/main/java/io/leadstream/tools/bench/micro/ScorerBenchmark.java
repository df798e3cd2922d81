package io.leadstream.tools.bench.micro;

import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.schema.AvroTrust;
import io.leadstream.schema.LeadEvent;
import io.leadstream.tools.demo.SampleFeed;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** XGBoost scoring of one lead with SHAP contributions, tier and reasons (no text inference). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ScorerBenchmark {

  private ModelBundle bundle;
  private LeadScorer scorer;
  private List<LeadEvent> leads;
  private int next;

  @Setup(Level.Trial)
  public void load() {
    AvroTrust.trustSchemaPackage();
    bundle = ModelBundle.load(ModelBundle.DEFAULT_BUNDLE);
    scorer = bundle.newScorer();
    leads = SampleFeed.generate(11, 1000, 0, 0);
  }

  @TearDown(Level.Trial)
  public void close() {
    scorer.close();
    bundle.close();
  }

  @Benchmark
  public Object scoreOneLead() {
    next = (next + 1) % leads.size();
    return scorer.score(leads.get(next), 0.4);
  }
}
