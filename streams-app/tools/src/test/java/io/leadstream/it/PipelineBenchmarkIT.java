package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.streams.processors.TrackLeadProcessor;
import io.leadstream.app.streams.state.LeadTrack;
import io.leadstream.tools.bench.BenchResult;
import io.leadstream.tools.bench.EncoderRate;
import io.leadstream.tools.bench.PipelineBenchmark;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import io.leadstream.tools.testing.EmbeddedPipelines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.Test;

/**
 * `bench` at a tiny scale on the embedded broker: the state leads land in the pipeline's stores
 * under ids of their own, and the compared encoder and the GEMM are measured and reported.
 */
class PipelineBenchmarkIT {

  private static final int STATE_LEADS = 30;
  private static final int WARMUP = 10;
  private static final int LEADS = 20;
  private static final int PACED = 5;

  @Test
  void shouldFillTheStateWithLeadsOfTheirOwnAndCompareTheEncoderAgainstTheGemm() throws Exception {
    List<String> logged = new ArrayList<>();
    try (EmbeddedPipeline pipeline = EmbeddedPipelines.start(Map.of(), 2, false)) {
      PipelineBenchmark bench = new PipelineBenchmark(pipeline, logged::add);
      BenchResult result =
          bench.withEncodersCompared(
              bench.run(LEADS, 1, WARMUP, PACED, 11, 2, STATE_LEADS), List.of("minilm-q"));

      List<String> tracked = trackedLeadIds(pipeline);
      // every lead the bench sent is tracked once: none of the state leads' ids is reused
      assertThat(tracked).hasSize(STATE_LEADS + WARMUP + LEADS + PACED);
      assertThat(tracked.stream().filter(id -> id.startsWith("state-lead-"))).hasSize(STATE_LEADS);

      assertThat(result.stateLeads()).isEqualTo(STATE_LEADS);
      assertThat(result.stateFillSeconds()).isPositive();
      assertThat(logged.get(0))
          .isEqualTo(
              STATE_LEADS + " leads with blank text into the state (the encoder skips them)");
      assertThat(logged).anyMatch(line -> line.startsWith("warm-up: " + WARMUP));

      EncoderRate int8 = result.comparedEncoders().get(0);
      assertThat(int8.encoder()).isEqualTo("minilm-q");
      assertThat(int8.passes()).hasSize(PipelineBenchmark.COMPARE_PASSES);
      assertThat(int8.achievedGflopsPerSecond()).isPresent();
      assertThat(result.gemm().shape()).isEqualTo(Math.round(int8.meanTokens()) + "x384x1536");
      assertThat(result.gemm().gflopsPerSecond()).isPositive();
      assertThat(result.describe())
          .contains("state filled before the warm-up: 30 extra leads with blank text")
          .containsPattern("minilm-q: .* achieved .* GFLOP/s = \\d+ % of the GEMM's");
    }
  }

  private static List<String> trackedLeadIds(EmbeddedPipeline pipeline) {
    List<String> ids = new ArrayList<>();
    try (KeyValueIterator<String, LeadTrack> all =
        pipeline
            .app()
            .streams()
            .store(
                StoreQueryParameters.fromNameAndType(
                    TrackLeadProcessor.STORE,
                    QueryableStoreTypes.<String, LeadTrack>keyValueStore()))
            .all()) {
      while (all.hasNext()) {
        KeyValue<String, LeadTrack> entry = all.next();
        ids.add(entry.key);
      }
    }
    return ids;
  }
}
