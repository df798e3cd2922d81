package io.leadstream.models.scoring;

import io.leadstream.schema.Reason;
import io.leadstream.schema.Tier;
import java.util.List;

/**
 * The scorer's verdict on one lead.
 *
 * @param probability calibrated probability of conversion in [0, 1]
 * @param score {@code round(100 * probability)}, 0-100
 * @param tier tier from the bundle's tier policy
 * @param reasons top factors by absolute contribution in score points, largest first
 */
public record LeadScore(double probability, int score, Tier tier, List<Reason> reasons) {}
