package io.leadstream.models.scoring;

import io.leadstream.schema.Company;
import io.leadstream.schema.Contact;
import io.leadstream.schema.Engagement;
import io.leadstream.schema.LeadEvent;
import java.time.Instant;
import java.util.Map;

/** Hand-made leads for scoring tests. */
public final class TestLeads {
  private TestLeads() {}

  /** A lead with only the required fields set. */
  public static LeadEvent.Builder bare(String leadId) {
    return LeadEvent.newBuilder()
        .setEventId("evt-" + leadId)
        .setLeadId(leadId)
        .setOccurredAt(Instant.parse("2026-03-01T10:00:00Z"))
        .setAttributes(Map.of());
  }

  /** A large, engaged, decision-making lead that asks for a contract. */
  public static LeadEvent hot() {
    return bare("hot")
        .setCompany(new Company("Nordwind Logistics GmbH", "software", 1200, 250_000_000.0, "DE"))
        .setContact(new Contact("Anna Keller", "CFO", true))
        .setBudget(250_000.0)
        .setCurrency("EUR")
        .setPurchaseIntent(5)
        .setEngagement(new Engagement(25, 12, 4, 1))
        .setNotes(
            "Referred by an existing customer. Budget is approved; procurement wants the"
                + " contract by Friday. Verbal yes from the CFO; paperwork to follow next week.")
        .setLastMessage("We're ready to go ahead. Can you send the contract and invoice details?")
        .setAttributes(Map.of("leadSource", "referral"))
        .build();
  }

  /** A test entry without a company, obviously junk. */
  public static LeadEvent junk() {
    return bare("junk")
        .setContact(new Contact("Test Test", null, false))
        .setPurchaseIntent(1)
        .setEngagement(new Engagement(0, 0, 0, 90))
        .setNotes("test test")
        .setLastMessage(
            "Congratulations!!! You have won a free iPhone, click here: http://bit.ly/x")
        .setAttributes(Map.of("leadSource", "cold_outreach"))
        .build();
  }
}
