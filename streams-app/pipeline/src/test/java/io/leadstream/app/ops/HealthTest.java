package io.leadstream.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HealthTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Check OK = Check.up("fine");

  private static Health health(
      State state, Check model, Check broker, Check progress, Instant lastFailure) {
    return new Health(
        () -> state,
        () -> model,
        () -> broker,
        () -> progress,
        () -> Optional.ofNullable(lastFailure),
        CLOCK);
  }

  @ParameterizedTest
  @EnumSource(
      value = State.class,
      names = {"CREATED", "REBALANCING", "PENDING_SHUTDOWN", "NOT_RUNNING"})
  void shouldBeLiveButNotReadyWhileNotRunning(State state) {
    Health health = health(state, OK, OK, OK, null);

    assertThat(health.live().up()).isTrue();
    assertThat(health.ready().up()).isFalse();
    assertThat(health.ready().toJson()).contains("\"status\":\"DOWN\"").contains(state.name());
  }

  @Test
  void shouldBeReadyOnlyWhenRunningAndEveryCheckPasses() {
    assertThat(health(State.RUNNING, OK, OK, OK, null).ready().up()).isTrue();
    assertThat(health(State.RUNNING, Check.down("canary failed"), OK, OK, null).ready().up())
        .isFalse();
    assertThat(
            health(State.RUNNING, OK, Check.down("cluster did not answer"), OK, null).ready().up())
        .isFalse();
  }

  @Test
  void shouldNotBeReadyRightAfterAStreamThreadFailed() {
    Health justFailed = health(State.RUNNING, OK, OK, OK, NOW.minusSeconds(5));
    Health failedLongAgo =
        health(State.RUNNING, OK, OK, OK, NOW.minus(Health.RECENT_FAILURE).minusSeconds(1));

    assertThat(justFailed.ready().up()).isFalse();
    assertThat(justFailed.ready().toJson())
        .contains("a stream thread failed at " + NOW.minusSeconds(5));
    assertThat(failedLongAgo.ready().up()).isTrue();
  }

  @Test
  void shouldSayWhichCheckFailedInTheReadinessBody() {
    String body =
        health(
                State.RUNNING,
                OK,
                Check.down("the Kafka cluster did not answer within 5000 ms"),
                OK,
                null)
            .ready()
            .toJson();

    assertThat(body)
        .contains(
            "\"broker\":{\"status\":\"DOWN\",\"detail\":\"the Kafka cluster did not answer within 5000 ms\"}");
  }

  @Test
  void shouldReportProgressApartFromReadiness() {
    Health stuck = health(State.RUNNING, OK, OK, Check.down("no progress on leads.raw-0"), null);

    assertThat(stuck.ready().up()).isTrue();
    assertThat(stuck.progress().up()).isFalse();
    assertThat(stuck.progress().toJson()).contains("no progress on leads.raw-0");
  }

  @ParameterizedTest
  @EnumSource(
      value = State.class,
      names = {"ERROR", "PENDING_ERROR"})
  void shouldNotBeLiveOnceStreamsHasFailed(State state) {
    assertThat(health(state, OK, OK, OK, null).live().up()).isFalse();
  }
}
