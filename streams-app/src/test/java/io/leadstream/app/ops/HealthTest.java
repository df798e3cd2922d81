package io.leadstream.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HealthTest {

  @ParameterizedTest
  @EnumSource(value = State.class, names = {"CREATED", "REBALANCING", "PENDING_SHUTDOWN", "NOT_RUNNING"})
  void shouldBeLiveButNotReadyWhileNotRunning(State state) {
    Health health = new Health(() -> state, () -> true);

    assertThat(health.live().up()).isTrue();
    assertThat(health.ready().up()).isFalse();
    assertThat(health.ready().toJson()).contains("\"status\":\"DOWN\"").contains(state.name());
  }

  @Test
  void shouldBeReadyOnlyWhenRunningWithModelsLoaded() {
    assertThat(new Health(() -> State.RUNNING, () -> true).ready().up()).isTrue();
    assertThat(new Health(() -> State.RUNNING, () -> false).ready().up()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = State.class, names = {"ERROR", "PENDING_ERROR"})
  void shouldNotBeLiveOnceStreamsHasFailed(State state) {
    assertThat(new Health(() -> state, () -> true).live().up()).isFalse();
  }
}
