package io.leadstream.tools.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.app.evaluation.TestLabelledLeads;
import io.leadstream.models.training.TrainingRefusedException;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeSplitTest {

  private static final Instant NEWEST = Instant.parse("2026-11-30T12:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void shouldSetTheMostRecentOutcomesApartAndSkipThoseWithoutAnEvent() {
    List<LabelledLead> records =
        List.of(
            scored("old", 1, NEWEST.minus(Duration.ofDays(30))),
            scored("at-the-start", 0, NEWEST.minus(WEEK)),
            scored("just-inside", 1, NEWEST.minus(WEEK).plusMillis(1)),
            scored("newest", 0, NEWEST),
            TestLabelledLeads.unmatched("unknown", 1, NEWEST.minus(Duration.ofDays(1))));

    OutcomeSplit split = OutcomeSplit.of(records, WEEK, null);

    assertThat(split.until()).isEqualTo(NEWEST);
    assertThat(split.from()).isEqualTo(NEWEST.minus(WEEK));
    assertThat(ids(split.training())).containsExactly("old", "at-the-start");
    assertThat(ids(split.comparison())).containsExactly("just-inside", "newest");
    assertThat(split.comparison().get(0).converted()).isTrue();
    assertThat(split.unmatched()).isEqualTo(1);
    assertThat(split.afterUntil()).isZero();
  }

  @Test
  void shouldEndTheWindowAtUntilAndLeaveLaterOutcomesOut() {
    Instant until = NEWEST.minus(Duration.ofDays(2));
    List<LabelledLead> records =
        List.of(
            scored("train", 1, until.minus(Duration.ofDays(10))),
            scored("window", 0, until),
            scored("later", 1, NEWEST));

    OutcomeSplit split = OutcomeSplit.of(records, WEEK, until);

    assertThat(ids(split.training())).containsExactly("train");
    assertThat(ids(split.comparison())).containsExactly("window");
    assertThat(split.afterUntil()).isEqualTo(1);
  }

  @Test
  void shouldTrainOnlyOnTheTrainingWindowWhenOneIsGiven() {
    Instant from = NEWEST.minus(WEEK);
    List<LabelledLead> records =
        List.of(
            scored("before-the-change", 1, from.minus(Duration.ofDays(31))),
            scored("at-its-start", 0, from.minus(Duration.ofDays(30))),
            scored("after-the-change", 1, from.minus(Duration.ofDays(29))),
            scored("window", 0, NEWEST));

    OutcomeSplit split = OutcomeSplit.of(records, WEEK, null, Duration.ofDays(30));

    assertThat(ids(split.training())).containsExactly("after-the-change");
    assertThat(ids(split.comparison())).containsExactly("window");
    assertThat(split.beforeTraining()).isEqualTo(2);
    assertThat(OutcomeSplit.of(records, WEEK, null).training()).hasSize(3);
  }

  @Test
  void shouldRefuseAComparisonWindowWithTooFewOfAClass() {
    List<LabelledLead> records = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      records.add(scored("train-" + i, i % 2, NEWEST.minus(Duration.ofDays(20))));
    }
    for (int i = 0; i < 40; i++) {
      records.add(scored("window-" + i, i < 19 ? 1 : 0, NEWEST.minus(Duration.ofHours(i))));
    }

    OutcomeSplit split = OutcomeSplit.of(records, WEEK, null);

    assertThatThrownBy(split::requireUsable)
        .isInstanceOf(TrainingRefusedException.class)
        .hasMessage(
            "the comparison window (outcomes after 2026-11-23T12:00:00Z until 2026-11-30T12:00:00Z):"
                + " 40 leads, 19 converted and 21 not; at least 20 of each are needed: lengthen"
                + " --window");
  }

  @Test
  void shouldRefuseTooFewLeadsToTrainOn() {
    List<LabelledLead> records = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      records.add(scored("train-" + i, i % 2, NEWEST.minus(Duration.ofDays(20))));
    }
    for (int i = 0; i < 40; i++) {
      records.add(scored("window-" + i, i % 2, NEWEST.minus(Duration.ofHours(i))));
    }

    assertThatThrownBy(OutcomeSplit.of(records, WEEK, null)::requireUsable)
        .isInstanceOf(TrainingRefusedException.class)
        .hasMessageStartingWith(
            "the leads whose outcome occurred at or before 2026-11-23T12:00:00Z (what trains): 60"
                + " leads, 30 converted and 30 not; at least 50 of each are needed");
  }

  @Test
  void shouldRefuseWhenNoOutcomeHasAnEvent() {
    OutcomeSplit split =
        OutcomeSplit.of(List.of(TestLabelledLeads.unmatched("unknown", 1, NEWEST)), WEEK, null);

    assertThat(split.until()).isNull();
    assertThatThrownBy(split::requireUsable)
        .hasMessageStartingWith("no labelled lead has features (asOf): 1 outcomes were read");
  }

  private static LabelledLead scored(String leadId, int label, Instant outcomeAt) {
    return TestLabelledLeads.scored(leadId, "v1", 50, Tier.WARM, label, outcomeAt);
  }

  private static List<String> ids(List<OutcomeLead> leads) {
    return leads.stream().map(lead -> lead.event().getLeadId()).toList();
  }
}
