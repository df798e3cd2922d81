package io.leadstream.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class ProgressCheckTest {

  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
  private static final TopicPartition P0 = new TopicPartition("leads.raw", 0);
  private static final TopicPartition P1 = new TopicPartition("leads.raw", 1);

  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final ProgressCheck progress = new ProgressCheck(Duration.ofSeconds(60), clock);

  @Test
  void shouldGoRedWhenAPartitionWithLagDoesNotCommitForTheTimeout() {
    progress.state(KafkaStreams.State.RUNNING);
    progress.offsets(Map.of(P0, 10L, P1, 5L), Map.of(P0, 50L, P1, 5L), Set.of(P0, P1));

    later(Duration.ofSeconds(61));
    progress.offsets(Map.of(P0, 10L, P1, 5L), Map.of(P0, 80L, P1, 5L), Set.of(P0, P1));

    Check check = progress.check();
    assertThat(check.up()).isFalse();
    assertThat(check.detail()).contains("leads.raw-0 (lag 70").doesNotContain("leads.raw-1");
  }

  @Test
  void shouldStayGreenWhileCommitsAdvanceOrThereIsNoLag() {
    progress.state(KafkaStreams.State.RUNNING);
    progress.offsets(Map.of(P0, 10L), Map.of(P0, 50L, P1, 0L), Set.of(P0, P1));

    later(Duration.ofSeconds(40));
    progress.offsets(Map.of(P0, 30L), Map.of(P0, 60L, P1, 0L), Set.of(P0, P1));
    later(Duration.ofSeconds(40));

    assertThat(progress.check().up()).isTrue();
    assertThat(progress.lastAdvance()).contains(START.plusSeconds(40));
  }

  @Test
  void shouldKeepWatchingAPartitionWhileItsFailedThreadIsReplaced() {
    progress.state(KafkaStreams.State.RUNNING);
    progress.offsets(Map.of(P0, 10L), Map.of(P0, 50L), Set.of(P0));
    later(Duration.ofSeconds(30));
    progress.offsets(Map.of(P0, 10L), Map.of(P0, 50L), Set.of(P0));

    later(Duration.ofSeconds(31));
    progress.offsets(Map.of(P0, 10L), Map.of(P0, 50L), Set.of());

    assertThat(progress.check().up())
        .as("unassigned for 31 s while its thread is replaced")
        .isFalse();
  }

  @Test
  void shouldStopWatchingAPartitionThatLeftLongerAgoThanTheTimeout() {
    progress.state(KafkaStreams.State.RUNNING);
    progress.offsets(Map.of(P0, 10L), Map.of(P0, 50L), Set.of(P0));

    later(Duration.ofSeconds(61));
    progress.offsets(Map.of(P0, 10L), Map.of(P0, 50L), Set.of());

    assertThat(progress.check().up()).isTrue();
  }

  @Test
  void shouldGoRedWhenStreamsIsOutOfRunningForTheTimeout() {
    progress.state(KafkaStreams.State.REBALANCING);

    later(Duration.ofSeconds(30));
    boolean afterThirty = progress.check().up();
    later(Duration.ofSeconds(31));

    assertThat(afterThirty).isTrue();
    assertThat(progress.check().up()).isFalse();
    assertThat(progress.check().detail()).contains("REBALANCING for 61 s");
  }

  private void later(Duration step) {
    now.set(now.get().plus(step));
  }
}
