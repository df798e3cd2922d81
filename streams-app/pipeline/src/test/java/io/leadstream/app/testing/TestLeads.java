package io.leadstream.app.testing;

import io.leadstream.schema.Company;
import io.leadstream.schema.Contact;
import io.leadstream.schema.Engagement;
import io.leadstream.schema.LeadEvent;
import java.time.Instant;

/**
 * Hand-written lead events for tests: a clearly hot one, a junk one, and a builder to vary them.
 */
public final class TestLeads {

  private TestLeads() {}

  public static LeadEvent.Builder hot(String leadId) {
    return LeadEvent.newBuilder()
        .setEventId(leadId + "-e1")
        .setLeadId(leadId)
        .setOccurredAt(Instant.parse("2026-11-27T09:30:00Z"))
        .setSourceSystem("test")
        .setCompany(
            Company.newBuilder()
                .setName("Northwind Logistics")
                .setIndustry("logistics")
                .setEmployees(1800)
                .setAnnualRevenue(4.2e8)
                .setCountry("DE")
                .build())
        .setContact(
            Contact.newBuilder()
                .setName("Dana Roth")
                .setTitle("VP Operations")
                .setIsDecisionMaker(true)
                .build())
        .setBudget(250_000.0)
        .setCurrency("EUR")
        .setPurchaseIntent(5)
        .setEngagement(
            Engagement.newBuilder()
                .setWebsiteVisits(14)
                .setEmailsOpened(9)
                .setMeetings(3)
                .setDaysSinceLastContact(1)
                .build())
        .setNotes(
            "Budget approved for Q1. They asked for a formal quote for 400 seats and want to sign "
                + "before the end of the quarter. Procurement is already involved.")
        .setLastMessage("Please send the contract draft and the final pricing by Friday.");
  }

  public static LeadEvent.Builder junk(String leadId) {
    return LeadEvent.newBuilder()
        .setEventId(leadId + "-e1")
        .setLeadId(leadId)
        .setOccurredAt(Instant.parse("2026-11-27T09:30:00Z"))
        .setSourceSystem("test")
        .setNotes("test test asdf")
        .setLastMessage(
            "I am a student writing a thesis, just collecting brochures. Not buying anything.");
  }
}
