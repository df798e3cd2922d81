package io.leadstream.tools.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Tier;
import io.leadstream.tools.observe.Outcome;
import io.leadstream.tools.observe.OutcomeReader;
import io.leadstream.tools.observe.OutcomeWaiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every committed outcome and checks that each input has exactly one: each valid event
 * scored once (by event id), each malformed record dead-lettered once (by source offset), and
 * {@code leads.hot} holding exactly the events that entered HOT.
 */
public final class OutcomeLedger {

  private final List<PrioritizedLead> scored = new ArrayList<>();
  private final List<Outcome.DeadLettered> deadLetters = new ArrayList<>();

  /** Reads until {@code expected} outcomes arrived, then a little longer to catch any duplicate. */
  public OutcomeLedger readAll(OutcomeReader reader, int expected, Duration timeout) {
    OutcomeWaiter.await(reader, expected, timeout, this::add);
    OutcomeWaiter.await(reader, Integer.MAX_VALUE, Duration.ofSeconds(3), this::add);
    return this;
  }

  public void add(Outcome outcome) {
    if (outcome instanceof Outcome.Scored s) {
      scored.add(s.lead());
    } else if (outcome instanceof Outcome.DeadLettered dead) {
      deadLetters.add(dead);
    }
  }

  public int deadLetterCount() {
    return deadLetters.size();
  }

  public int size() {
    return scored.size() + deadLetters.size();
  }

  public List<PrioritizedLead> scored() {
    return List.copyOf(scored);
  }

  public List<Outcome.DeadLettered> deadLetters() {
    return List.copyOf(deadLetters);
  }

  /** Every valid input scored exactly once, every malformed input dead-lettered exactly once. */
  public void assertExactlyOnce(TestFeed feed) {
    List<String> eventIds = scored.stream().map(PrioritizedLead::getEventId).toList();
    assertThat(eventIds)
        .as("scored events")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(feed.eventIds());
    assertThat(deadLetters)
        .extracting(Outcome.DeadLettered::source)
        .as("dead letters by source offset")
        .doesNotHaveDuplicates()
        .hasSize(feed.malformed().size());
    assertThat(size()).isEqualTo(feed.size());
  }

  /** {@code hot} (the committed hot topic) holds each event that entered HOT once, and no other. */
  public void assertHotTopicHoldsExactlyTheLeadsEnteringHot(List<PrioritizedLead> hot) {
    List<String> entering =
        scored.stream()
            .filter(lead -> lead.getTier() == Tier.HOT && lead.getPreviousTier() != Tier.HOT)
            .map(PrioritizedLead::getEventId)
            .toList();
    assertThat(entering).as("events entering HOT in the feed").isNotEmpty();
    assertThat(hot)
        .extracting(PrioritizedLead::getEventId)
        .as("hot topic")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(entering);
  }
}
