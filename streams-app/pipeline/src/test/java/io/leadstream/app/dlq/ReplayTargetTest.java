package io.leadstream.app.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayTargetTest {

  private final ReplayTarget target = new ReplayTarget("leads.raw", "leads.outcomes");

  @Test
  void shouldSendAnOutcomesDeadLetterBackToTheOutcomesTopic() {
    assertThat(target.topicOf(from(new RecordPosition("leads.outcomes", 2, 7))))
        .isEqualTo("leads.outcomes");
  }

  @Test
  void shouldSendAnyOtherDeadLetterBackToTheRawTopic() {
    assertThat(target.topicOf(from(new RecordPosition("leads.raw", 0, 3)))).isEqualTo("leads.raw");
    assertThat(target.topicOf(from(null))).as("no source headers").isEqualTo("leads.raw");
  }

  private static DeadLetter from(RecordPosition source) {
    return new DeadLetter(
        new RecordPosition("leads.dlq", 0, 1),
        0L,
        null,
        new byte[] {1},
        "NOT_AVRO",
        "detail",
        source,
        null,
        false,
        false);
  }
}
