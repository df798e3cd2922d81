package io.leadstream.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.schema.Company;
import io.leadstream.schema.Contact;
import io.leadstream.schema.Engagement;
import io.leadstream.schema.LeadEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A LeadEvent as a HubSpot-style CRM would send it ({@code {"objectId": .., "properties": {..}}},
 * every property a string), for the worked mapping of docs/examples/hubspot-json, which the jar
 * carries: the JSON input format's bench feed.
 */
public final class HubSpotJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MAPPING = "/examples/hubspot-json/mapping.yaml";

  private HubSpotJson() {}

  /** Writes the mapping out of the jar into {@code folder}, for leadstream.input.mapping. */
  public static Path mapping(Path folder) {
    Path file = folder.resolve("hubspot-mapping.yaml");
    try (InputStream in = HubSpotJson.class.getResourceAsStream(MAPPING)) {
      if (in == null) {
        throw new IllegalStateException(MAPPING + " is missing from the class path");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] render(LeadEvent lead) {
    ObjectNode event = JSON.createObjectNode().put("objectId", lead.getLeadId());
    event.put("objectType", "CONTACT");
    ObjectNode properties = event.putObject("properties");
    properties.put("lastmodifieddate", lead.getOccurredAt().toString());
    put(properties, "notes_last_activity", lead.getNotes());
    put(properties, "last_message", lead.getLastMessage());
    put(properties, "budget", lead.getBudget());
    put(properties, "currency", lead.getCurrency());
    put(properties, "purchase_intent", lead.getPurchaseIntent());
    Company company = lead.getCompany();
    if (company != null) {
      put(properties, "company", company.getName());
      put(properties, "industry", company.getIndustry());
      put(properties, "country", company.getCountry());
      put(properties, "numberofemployees", company.getEmployees());
      put(properties, "annualrevenue", company.getAnnualRevenue());
    }
    Contact contact = lead.getContact();
    if (contact != null) {
      put(properties, "jobtitle", contact.getTitle());
      put(properties, "decision_maker", contact.getIsDecisionMaker());
    }
    Engagement engagement = lead.getEngagement();
    if (engagement != null) {
      put(properties, "hs_analytics_num_visits", engagement.getWebsiteVisits());
      put(properties, "hs_email_open", engagement.getEmailsOpened());
      put(properties, "meetings_booked", engagement.getMeetings());
    }
    try {
      return JSON.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As HubSpot sends properties: strings, absent when unknown. */
  private static void put(ObjectNode properties, String name, Object value) {
    if (value != null) {
      properties.put(
          name,
          value instanceof Double d && d == Math.rint(d)
              ? String.valueOf(d.longValue())
              : String.valueOf(value));
    }
  }
}
