package io.leadstream.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.observe.Outcome;
import io.leadstream.app.observe.OutcomeReader;
import io.leadstream.app.observe.OutcomeWaiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects every committed outcome and checks that each input has exactly one. */
public final class OutcomeLedger {

  private final List<String> scoredEventIds = new ArrayList<>();
  private final List<String> deadLetterReasons = new ArrayList<>();
  private final Map<String, List<String>> versionsByLead = new HashMap<>();

  /** Reads until {@code expected} outcomes arrived, then a little longer to catch any duplicate. */
  public OutcomeLedger readAll(OutcomeReader reader, int expected, Duration timeout) {
    OutcomeWaiter.await(reader, expected, timeout, this::add);
    OutcomeWaiter.await(reader, Integer.MAX_VALUE, Duration.ofSeconds(3), this::add);
    return this;
  }

  public void add(Outcome outcome) {
    if (outcome instanceof Outcome.Scored scored) {
      scoredEventIds.add(scored.lead().getEventId());
      versionsByLead.computeIfAbsent(scored.lead().getLeadId(), id -> new ArrayList<>())
          .add(scored.lead().getModelVersion());
    } else if (outcome instanceof Outcome.DeadLettered dead) {
      deadLetterReasons.add(dead.reason());
    }
  }

  /** The model version of each lead's scored events, in the order they were read (a lead's order). */
  public Map<String, List<String>> versionsByLead() {
    return versionsByLead;
  }

  public int deadLetterCount() {
    return deadLetterReasons.size();
  }

  public int size() {
    return scoredEventIds.size() + deadLetterReasons.size();
  }

  /** Every valid input scored exactly once, every malformed input dead-lettered exactly once. */
  public void assertExactlyOnce(TestFeed feed) {
    assertThat(scoredEventIds).doesNotHaveDuplicates();
    assertThat(scoredEventIds).containsExactlyInAnyOrderElementsOf(feed.eventIds());
    assertThat(deadLetterReasons).hasSize(feed.malformed().size());
    assertThat(size()).isEqualTo(feed.size());
  }
}
