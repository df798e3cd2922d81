package io.leadstream.tools.demo;

import io.leadstream.models.training.LabelledLead;
import io.leadstream.models.training.Language;
import io.leadstream.models.training.SyntheticLeadGenerator;
import io.leadstream.schema.LeadEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A realistic event feed from the synthetic generator: new leads, later CRM updates of some of them
 * (mostly field changes with the same text, now and then a new note), and a few events with absurd
 * values that LeadStream must dead-letter. Ordered by occurredAt. Deterministic per seed.
 */
public final class SampleFeed {

  private SampleFeed() {}

  /**
   * @param leads new leads
   * @param followUps later events of already seen leads
   * @param invalid events with absurd values (negative budget, missing lead id, intent 9, huge
   *     text)
   */
  public static List<LeadEvent> generate(long seed, int leads, int followUps, int invalid) {
    return generate(seed, leads, followUps, invalid, Language.EN);
  }

  /** As {@link #generate(long, int, int, int)}, with notes and messages in {@code language}. */
  public static List<LeadEvent> generate(
      long seed, int leads, int followUps, int invalid, Language language) {
    SyntheticLeadGenerator generator = new SyntheticLeadGenerator(seed, language);
    Random random = new Random(seed);
    List<LeadEvent> events = new ArrayList<>();
    for (LabelledLead lead : generator.generate(leads)) {
      events.add(lead.event());
    }
    for (int i = 0; i < followUps; i++) {
      LeadEvent previous = events.get(random.nextInt(events.size()));
      events.add(generator.followUp(previous));
    }
    for (int i = 0; i < invalid; i++) {
      LeadEvent base = events.get(random.nextInt(leads));
      events.add(broken(base, i % 4, "invalid-" + i));
    }
    events.sort(Comparator.comparing(LeadEvent::getOccurredAt));
    return events;
  }

  private static LeadEvent broken(LeadEvent base, int kind, String eventId) {
    LeadEvent.Builder event = LeadEvent.newBuilder(base).setEventId(eventId);
    return switch (kind) {
      case 0 -> event.setBudget(-25_000.0).build();
      case 1 -> event.setLeadId("").build();
      case 2 -> event.setPurchaseIntent(9).build();
      default -> event.setNotes("Copied the whole email thread here. ".repeat(800)).build();
    };
  }
}
