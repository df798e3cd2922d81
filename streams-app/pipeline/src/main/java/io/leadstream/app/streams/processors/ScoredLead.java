package io.leadstream.app.streams.processors;

import io.leadstream.models.scoring.LeadScore;

/** An enriched lead with the scorer's verdict and the bundle version that gave it. */
public record ScoredLead(EnrichedLead enriched, LeadScore score, String modelVersion) {}
