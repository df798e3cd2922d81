package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.OutcomeType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticOutcomesTest {

  private static final Duration DELAY = Duration.ofDays(3);

  @Test
  void shouldReportEachLeadsLabelAsAnOutcomeOccurringTheDelayAfterItsEvent() {
    List<LabelledLead> leads = new SyntheticLeadGenerator(3).generate(400);
    SyntheticOutcomes outcomes = new SyntheticOutcomes(3);

    List<LeadOutcome> reported = leads.stream().map(l -> outcomes.outcomeOf(l, DELAY)).toList();

    for (int i = 0; i < leads.size(); i++) {
      LabelledLead lead = leads.get(i);
      LeadOutcome outcome = reported.get(i);
      assertThat(outcome.getLeadId()).isEqualTo(lead.event().getLeadId());
      assertThat(outcome.getOccurredAt()).isEqualTo(lead.event().getOccurredAt().plus(DELAY));
      assertThat(outcome.getOutcome())
          .isIn(
              lead.converted()
                  ? List.of(OutcomeType.CONVERTED, OutcomeType.WON)
                  : List.of(OutcomeType.LOST, OutcomeType.DISQUALIFIED));
    }
    assertThat(reported)
        .extracting(LeadOutcome::getOutcome)
        .contains(
            OutcomeType.CONVERTED, OutcomeType.WON, OutcomeType.LOST, OutcomeType.DISQUALIFIED);
    assertThat(reported).extracting(LeadOutcome::getEventId).doesNotHaveDuplicates();
  }

  @Test
  void shouldDrawTheSameOutcomesForTheSameSeed() {
    List<LabelledLead> leads = new SyntheticLeadGenerator(3).generate(50);
    SyntheticOutcomes first = new SyntheticOutcomes(8);
    SyntheticOutcomes second = new SyntheticOutcomes(8);

    assertThat(leads.stream().map(l -> second.outcomeOf(l, DELAY)).toList())
        .isEqualTo(leads.stream().map(l -> first.outcomeOf(l, DELAY)).toList());
  }

  @Test
  void shouldRefuseAnOutcomeBeforeItsLead() {
    LabelledLead lead = new SyntheticLeadGenerator(3).next();

    assertThatThrownBy(() -> new SyntheticOutcomes(1).outcomeOf(lead, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delay PT0S");
  }
}
