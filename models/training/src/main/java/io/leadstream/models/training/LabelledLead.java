package io.leadstream.models.training;

import io.leadstream.schema.LeadEvent;

/**
 * A lead with its known outcome.
 *
 * @param event the lead as the CRM reported it
 * @param converted whether it became a customer
 */
public record LabelledLead(LeadEvent event, boolean converted) {}
