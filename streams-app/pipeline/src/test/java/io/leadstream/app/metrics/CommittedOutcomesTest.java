package io.leadstream.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommittedOutcomesTest {

  private final AtomicLong nanos = new AtomicLong();
  private final CommittedOutcomes outcomes =
      new CommittedOutcomes(Duration.ofMinutes(1), nanos::get);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Counter hot = registry.counter("scored", "tier", "HOT");
  private final Counter deadLetters = registry.counter("dead", "reason", "INVALID_FIELD");
  private final TopicPartition raw = new TopicPartition("leads.raw", 0);

  @Test
  void shouldCountAnOutcomeOnlyOnceItsOffsetIsCommitted() {
    outcomes.record("leads.raw", 0, 7, hot);
    outcomes.record("leads.raw", 0, 8, deadLetters);

    outcomes.committed(raw, 8);

    assertThat(hot.count()).isEqualTo(1.0);
    assertThat(deadLetters.count()).as("offset 8 is not committed yet").isZero();
    assertThat(outcomes.pendingCount()).isEqualTo(1);
  }

  @Test
  void shouldCountARecordProcessedAgainAfterAnAbortOnce() {
    outcomes.record("leads.raw", 0, 7, deadLetters); // first attempt, its transaction aborted
    outcomes.record("leads.raw", 0, 7, hot); // processed again after the restart

    outcomes.committed(raw, 8);
    outcomes.committed(raw, 8);

    assertThat(deadLetters.count()).isZero();
    assertThat(hot.count()).isEqualTo(1.0);
  }

  @Test
  void shouldForgetOutcomesThatAreNeverCommittedHere() {
    outcomes.record("leads.raw", 0, 7, hot);

    nanos.addAndGet(Duration.ofMinutes(2).toNanos());
    outcomes.expire();
    outcomes.committed(raw, 100);

    assertThat(hot.count()).isZero();
    assertThat(outcomes.pendingCount()).isZero();
  }
}
