package io.leadstream.models.evaluation;

import io.leadstream.schema.Tier;

/**
 * How one tier's leads converted.
 *
 * @param tier the tier
 * @param leads leads in the tier
 * @param converted of these, leads that converted
 * @param conversionRate {@code converted / leads}; NaN for an empty tier
 * @param lift conversion rate over the base rate of all leads; NaN for an empty tier or no
 *     conversions at all
 * @param conversionShare share of all conversions found in this tier; NaN without conversions
 */
public record TierRow(
    Tier tier,
    int leads,
    int converted,
    double conversionRate,
    double lift,
    double conversionShare) {}
