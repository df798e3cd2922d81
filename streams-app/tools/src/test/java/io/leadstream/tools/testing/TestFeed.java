package io.leadstream.tools.testing;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.schema.AvroTrust;
import io.leadstream.schema.LeadEvent;
import io.leadstream.tools.demo.MalformedRecords;
import io.leadstream.tools.demo.MalformedRecords.RawRecord;
import io.leadstream.tools.feed.LeadProducer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A reproducible input feed for end-to-end tests: {@code leads} events over a set of leads (hot and
 * junk ones, several events per lead so that text reuse and tier transitions happen) plus the
 * malformed records of the demo.
 */
public record TestFeed(List<LeadEvent> leads, List<RawRecord> malformed) {

  static {
    // builders deep-copy nested records through Avro's class lookup
    AvroTrust.trustSchemaPackage();
  }

  public static TestFeed of(int leads) {
    return new TestFeed(events(leads, "lead-"), MalformedRecords.singleObject());
  }

  /** Valid events only, over leads named {@code prefix} + a number. */
  public static TestFeed valid(int leads, String prefix) {
    return new TestFeed(events(leads, prefix), List.of());
  }

  /** The same feed with every event's notes made unique, so that none can reuse a text reading. */
  public TestFeed withUniqueTexts() {
    List<LeadEvent> unique =
        leads.stream()
            .map(
                lead ->
                    LeadEvent.newBuilder(lead)
                        .setNotes(lead.getNotes() + " (" + lead.getEventId() + ")")
                        .build())
            .toList();
    return new TestFeed(unique, malformed);
  }

  /** The same feed without free text: the encoder skips every event (it gets the prior). */
  public TestFeed withoutTexts() {
    List<LeadEvent> blank =
        leads.stream()
            .map(lead -> LeadEvent.newBuilder(lead).setNotes(null).setLastMessage(null).build())
            .toList();
    return new TestFeed(blank, malformed);
  }

  /** This feed and then {@code next}, as one. */
  public TestFeed plus(TestFeed next) {
    List<LeadEvent> allLeads = new ArrayList<>(leads);
    allLeads.addAll(next.leads);
    List<RawRecord> allMalformed = new ArrayList<>(malformed);
    allMalformed.addAll(next.malformed);
    return new TestFeed(allLeads, allMalformed);
  }

  private static List<LeadEvent> events(int leads, String prefix) {
    List<LeadEvent> events = new ArrayList<>();
    int distinctLeads = Math.max(1, leads / 3);
    for (int i = 0; i < leads; i++) {
      String leadId = prefix + (i % distinctLeads);
      String eventId = leadId + "-event-" + i;
      LeadEvent.Builder builder =
          (i / distinctLeads) % 2 == 0 && i % 2 == 0
              ? TestLeads.hot(leadId)
              : TestLeads.junk(leadId);
      events.add(builder.setEventId(eventId).setPurchaseIntent(1 + i % 5).build());
    }
    return events;
  }

  public int size() {
    return leads.size() + malformed.size();
  }

  public Set<String> eventIds() {
    return leads.stream().map(LeadEvent::getEventId).collect(Collectors.toSet());
  }

  /** Sends every record and waits until the broker acknowledged them all. */
  public void sendAll(LeadStreamConfig config) {
    try (LeadProducer producer = new LeadProducer(config)) {
      leads.forEach(producer::send);
      malformed.forEach(r -> producer.sendRaw(r.key(), r.value()));
      producer.flushAndCount();
    }
  }
}
