package io.leadstream.models.scoring;

import io.leadstream.schema.LeadEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the scorer of a lead's segment, or the main scorer when the lead has no segment or its
 * segment has no model of its own. Does not own the scorers.
 */
public final class SegmentRouter {

  private final String source;
  private final XgbScorer main;
  private final Map<String, XgbScorer> bySegment = new HashMap<>();

  /**
   * @param source the LeadEvent source naming a lead's segment, or null for no segments
   * @param main the scorer for every other lead
   * @param bySegment scorer by segment value, matched ignoring case and surrounding blanks
   */
  public SegmentRouter(String source, XgbScorer main, Map<String, XgbScorer> bySegment) {
    this.source = source;
    this.main = main;
    bySegment.forEach((value, scorer) -> this.bySegment.put(key(value), scorer));
  }

  /** The segment value of a lead as this router matches it, or null. */
  public String segmentOf(LeadEvent event) {
    if (source == null) {
      return null;
    }
    Object value = LeadFields.valueOf(event, source);
    return value == null ? null : key(value.toString());
  }

  /** The scorer for this lead. */
  public XgbScorer scorerFor(LeadEvent event) {
    String segment = segmentOf(event);
    return segment == null ? main : bySegment.getOrDefault(segment, main);
  }

  private static String key(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
