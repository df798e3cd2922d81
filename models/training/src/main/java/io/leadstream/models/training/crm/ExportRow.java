package io.leadstream.models.training.crm;

import io.leadstream.models.training.LabelledLead;
import java.time.Instant;
import java.util.Map;

/**
 * A row of an export that became a lead, before duplicates are dropped.
 *
 * @param line the row's first line in the file
 * @param lead the lead and its outcome
 * @param target the continuous label, or null
 * @param time the row's time from the time column, or null
 * @param inputs the row's value of each text and feature column, null where missing
 */
record ExportRow(
    long line, LabelledLead lead, Double target, Instant time, Map<String, String> inputs) {

  String leadId() {
    return lead.event().getLeadId();
  }
}
